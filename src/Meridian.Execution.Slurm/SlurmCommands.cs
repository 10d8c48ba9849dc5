// SPDX-License-Identifier: MIT
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Meridian.Engine.Execution;

namespace Meridian.Execution.Slurm;

/// <summary>
/// Runs the SLURM commands, each as an argv (never through a shell), with a time limit, and counts them.
/// A command that fails throws SlurmCommandException carrying what it wrote to its standard error.
/// </summary>
public sealed class SlurmCommands
{
    /// <summary>squeue takes the ids as one argument; keep it far below the kernel's 128 KiB per argument.</summary>
    private const int IdsPerQuery = 1000;

    private static readonly string[] UnreachableSigns =
    [
        "Unable to contact slurm controller", "Socket timed out", "Connection refused", "Connection timed out",
        "Zero Bytes were transmitted", "Communication connection failure", "Network is unreachable", "in standby mode",
    ];

    private static readonly string[] UnknownJobSigns = ["Invalid job id specified", "already completing or completed"];

    private readonly SlurmExecutorOptions _options;
    private long _issued;

    public SlurmCommands(SlurmExecutorOptions options)
    {
        _options = options;
    }

    /// <summary>How many commands this instance has started, whatever their outcome.</summary>
    public long Issued => Interlocked.Read(ref _issued);

    /// <summary>sbatch --parsable: submits the script and returns the SLURM job id.</summary>
    public async Task<string> SubmitAsync(string scriptPath, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var output = await RunAsync(_options.SbatchPath, ["--parsable", .. options, scriptPath], cancellationToken);
        // "id" or "id;cluster" on a multi-cluster set-up.
        var id = output.Trim().Split(';')[0];
        if (!IsJobId(id))
        {
            throw new SlurmCommandException("sbatch", $"sbatch answered '{output.Trim()}' instead of a job id", output, schedulerUnreachable: false);
        }

        return id;
    }

    /// <summary>scancel; a job that has ended or that SLURM does not know is not an error.</summary>
    public async Task CancelAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(_options.ScancelPath, [jobId], cancellationToken);
        }
        catch (SlurmCommandException exception) when (UnknownJobSigns.Any(sign => exception.StandardError.Contains(sign, StringComparison.OrdinalIgnoreCase)))
        {
            // Nothing left to stop.
        }
    }

    /// <summary>
    /// squeue for many jobs in one call, in every state: the controller keeps ended jobs (COMPLETED, FAILED…)
    /// for MinJobAge. Jobs it does not know are missing from the answer.
    /// </summary>
    public async Task<List<SlurmJobInfo>> QueueAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        var jobs = new List<SlurmJobInfo>();
        foreach (var chunk in jobIds.Chunk(IdsPerQuery))
        {
            try
            {
                var output = await RunAsync(
                    _options.SqueuePath, ["--noheader", "--states=all", $"--jobs={string.Join(',', chunk)}", $"--Format={SlurmOutput.QueueFormat}"], cancellationToken);
                jobs.AddRange(SlurmOutput.ParseQueue(output));
            }
            catch (SlurmCommandException exception) when (exception.StandardError.Contains(UnknownJobSigns[0], StringComparison.OrdinalIgnoreCase))
            {
                // squeue fails this way when a single id is asked for and the controller has forgotten it.
            }
        }

        return jobs;
    }

    /// <summary>sacct (-c: the completion log) for jobs the controller no longer holds; those it has no record of are missing.</summary>
    public async Task<Dictionary<string, SlurmJobInfo>> AccountingAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        var jobs = new Dictionary<string, SlurmJobInfo>(StringComparer.Ordinal);
        foreach (var chunk in jobIds.Chunk(IdsPerQuery))
        {
            List<string> arguments = _options.UseCompletionLog ? ["--completion"] : ["--allocations"];
            arguments.AddRange(["--noheader", "--parsable2", $"--format={SlurmOutput.AccountingFormat}", $"--jobs={string.Join(',', chunk)}"]);
            foreach (var (id, job) in SlurmOutput.ParseAccounting(await RunAsync(_options.SacctPath, arguments, cancellationToken)))
            {
                jobs[id] = job;
            }
        }

        return jobs;
    }

    /// <summary>
    /// The id of the job with this name: squeue (every state), then the completion log or accounting; null when
    /// neither knows one. The newest wins when there are several.
    /// </summary>
    public async Task<string?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var queued = await RunAsync(_options.SqueuePath, ["--noheader", "--states=all", $"--name={name}", "--Format=JobID:0"], cancellationToken);
        var ids = Ids(queued);
        if (ids.Count == 0)
        {
            List<string> arguments = _options.UseCompletionLog ? ["--completion"] : ["--allocations"];
            arguments.AddRange(["--noheader", "--parsable2", "--format=JobID,JobName", $"--name={name}", "--starttime=now-30days"]);
            try
            {
                // The completion log (jobcomp/filetxt) does not filter by --name: every job it holds comes back,
                // so the names are compared here, or a job never submitted would adopt another job's id.
                ids = Ids(await RunAsync(_options.SacctPath, arguments, cancellationToken), name);
            }
            catch (SlurmCommandException exception) when (!exception.SchedulerUnreachable)
            {
                // No completion log or accounting: only the controller's memory counts.
            }
        }

        return ids.Count == 0 ? null : ids.MaxBy(id => long.Parse(id, CultureInfo.InvariantCulture));
    }

    private static List<string> Ids(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(IsJobId).ToList();

    /// <summary>The ids of the "id|name" lines whose name is <paramref name="name"/>.</summary>
    private static List<string> Ids(string output, string name) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2))
            .Where(fields => fields.Length == 2 && fields[1] == name && IsJobId(fields[0]))
            .Select(fields => fields[0]).ToList();

    /// <summary>Whether a handle can be a SLURM job id (what sbatch --parsable prints).</summary>
    public static bool IsJobId(string handle) =>
        handle.Length is > 0 and <= 20 && handle.All(char.IsAsciiDigit);

    private async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(program);
        var info = new ProcessStartInfo
        {
            FileName = program,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // With SLURM_JWT set, even empty, the commands authenticate with a token instead of munge. And sbatch
        // passes its environment on to the job: the server's own settings are not the job's business.
        foreach (var variable in info.Environment.Keys.Where(key => key == "SLURM_JWT" || ServerSettings.IsServerSetting(key)).ToList())
        {
            info.Environment.Remove(variable);
        }

        Interlocked.Increment(ref _issued);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start");
        }
        catch (Win32Exception exception)
        {
            throw new SlurmCommandException(name, $"could not run {program}: {exception.Message} (is SLURM's client installed on this machine?)", "", false, exception);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(_options.CommandTimeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited meanwhile.
                }

                cancellationToken.ThrowIfCancellationRequested();
                throw new SlurmCommandException(name, $"{name} did not answer within {_options.CommandTimeout.TotalSeconds:0.#} s", "", schedulerUnreachable: true);
            }

            var output = await stdout;
            var error = (await stderr).Trim();
            if (process.ExitCode != 0)
            {
                var unreachable = UnreachableSigns.Any(sign => error.Contains(sign, StringComparison.OrdinalIgnoreCase));
                var reason = error.Length > 0 ? error : "no message";
                throw new SlurmCommandException(
                    name, string.Create(CultureInfo.InvariantCulture, $"{name} failed (exit code {process.ExitCode}): {reason}"), error, unreachable);
            }

            return output;
        }
    }
}
