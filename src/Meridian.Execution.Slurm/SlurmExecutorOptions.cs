// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;

namespace Meridian.Execution.Slurm;

/// <summary>
/// How Meridian submits jobs to SLURM and follows them: what each batch job asks for by default, how often
/// the scheduler is asked about the jobs being waited for, and where the SLURM commands are.
/// </summary>
/// <remarks>
/// The commands run on this machine, which must be a submit host of the cluster (munge key and slurm.conf
/// in place), and job folders must lie on a file system the compute nodes share.
/// </remarks>
public sealed class SlurmExecutorOptions
{
    /// <summary>The partition jobs are submitted to (sbatch --partition); null for the cluster's default partition.</summary>
    public string? Partition { get; set; }

    /// <summary>CPUs given to each job (sbatch --cpus-per-task); null for SLURM's default, one.</summary>
    public int? CpusPerTask { get; set; }

    /// <summary>Memory per job in SLURM's notation, for example "4G" (sbatch --mem); null for the partition's default.</summary>
    public string? Memory { get; set; }

    /// <summary>The account jobs are charged to (sbatch --account); null for the submitting user's default account.</summary>
    public string? Account { get; set; }

    /// <summary>
    /// Further sbatch options, one argument each and passed as given after the ones above (for example
    /// "--qos=short" or "--constraint=avx2"). Later options override earlier ones, as sbatch reads them.
    /// </summary>
    public IList<string> ExtraOptions { get; private set; } = [];

    /// <summary>
    /// How often the jobs being waited for are looked up, all of them in one squeue call. This is the
    /// safety net behind NotifyEnded (the completion callback): it bounds how late an end is noticed when the
    /// callback is lost. Default 15 seconds.
    /// </summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one SLURM command may take before the scheduler counts as unreachable. Default 30 seconds.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether StartAsync checks that the program exists on this machine (absolute path, relative to the
    /// working directory, or on the PATH the job inherits) and refuses the job at once when it does not.
    /// Turn it off when programs exist only on the compute nodes; a missing program then fails the job with
    /// exit code 127. Default true.
    /// </summary>
    public bool CheckProgramOnSubmitHost { get; set; } = true;

    /// <summary>
    /// Where the final state of a job that has left the controller's memory (MinJobAge after its end) is read:
    /// true for the job completion log (sacct -c, JobCompType=jobcomp/filetxt), false for the accounting
    /// database (plain sacct, with slurmdbd). Default true.
    /// </summary>
    public bool UseCompletionLog { get; set; } = true;

    /// <summary>
    /// The program the batch script reports the job's start and end with, on the compute node: curl (a name on
    /// the node's PATH or an absolute path). When it is missing there the reports are lost, and the
    /// reconciliation notices the job's end instead, up to ReconciliationInterval later.
    /// </summary>
    public string CallbackCommand { get; set; } = "curl";

    /// <summary>The sbatch command (a name on the PATH or an absolute path).</summary>
    public string SbatchPath { get; set; } = "sbatch";

    /// <summary>The scancel command.</summary>
    public string ScancelPath { get; set; } = "scancel";

    /// <summary>The squeue command.</summary>
    public string SqueuePath { get; set; } = "squeue";

    /// <summary>The sacct command.</summary>
    public string SacctPath { get; set; } = "sacct";

    /// <summary>
    /// These settings with a service's own requirements laid over them: its partition, CPUs, memory and
    /// account replace the defaults, its extra options come after the server's (sbatch lets later ones win).
    /// </summary>
    public SlurmExecutorOptions For(BatchRequirements? service)
    {
        if (service is null)
        {
            return this;
        }

        // Every other setting (paths, intervals, callbacks) carries over as it is, including ones added later.
        var merged = (SlurmExecutorOptions)MemberwiseClone();
        merged.Partition = service.Partition ?? Partition;
        merged.CpusPerTask = service.CpusPerTask ?? CpusPerTask;
        merged.Memory = service.Memory ?? Memory;
        merged.Account = service.Account ?? Account;
        merged.ExtraOptions = [.. ExtraOptions, .. service.ExtraOptions];
        return merged;
    }

    /// <summary>Every problem with these settings, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ReconciliationInterval <= TimeSpan.Zero)
        {
            problems.Add($"ReconciliationInterval must be positive (it is {ReconciliationInterval}).");
        }

        if (CommandTimeout <= TimeSpan.Zero)
        {
            problems.Add($"CommandTimeout must be positive (it is {CommandTimeout}).");
        }

        if (CpusPerTask is < 1)
        {
            problems.Add($"CpusPerTask must be at least 1 (it is {CpusPerTask}).");
        }

        foreach (var (name, path) in new[] { ("SbatchPath", SbatchPath), ("ScancelPath", ScancelPath), ("SqueuePath", SqueuePath), ("SacctPath", SacctPath) })
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                problems.Add($"{name} must name a command.");
            }
        }

        return problems;
    }
}
