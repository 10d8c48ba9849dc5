// SPDX-License-Identifier: MIT
using System.ComponentModel.DataAnnotations;

namespace Meridian.Engine;

/// <summary>Server-wide settings, bound from the "Meridian" configuration section (Meridian__X in the environment).</summary>
public sealed class MeridianOptions
{
    public const string Section = "Meridian";

    /// <summary>Where jobs' files and the SQLite database live. Relative paths are relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The folder of service definitions (*.yaml), one file per wrapped code.</summary>
    [Required]
    public string ServicesDirectory { get; set; } = "services";

    /// <summary>How many jobs may execute at once on this server, all services together; more wait QUEUED.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentJobs { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>The longest a WAIT request blocks, in seconds (WAIT=-1 and larger values are capped to it).</summary>
    [Range(1, 3600)]
    public int MaxWaitSeconds { get; set; } = 120;

    /// <summary>How often expired jobs are looked for and destroyed.</summary>
    public TimeSpan DestructionSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the jobs folder is looked through for folders whose job no longer exists.</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A folder with no job is removed once nothing in it has changed for this long; younger ones may belong
    /// to a job being created (its uploads are written before it is stored).
    /// </summary>
    public TimeSpan OrphanFolderAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the dispatcher looks at the queue when nothing woke it (a safety net; new jobs wake it at once).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest request body accepted (uploads included), in bytes.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// This server's name among the nodes sharing one store; the jobs it executes carry it. Several nodes
    /// need distinct names (the default, the machine name, suits one node per machine). A node restarted
    /// under the same name settles the jobs its previous life left EXECUTING at once.
    /// </summary>
    [Required]
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>How often this node tells the store it is alive.</summary>
    public TimeSpan NodeHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A node silent for this long is taken for dead: the other nodes end the jobs it was executing in ERROR.
    /// </summary>
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many jobs may be handed to batch schedulers (executor: slurm) at once, pending or running there;
    /// they use the cluster's processors, not this server's, so MaxConcurrentJobs does not count them.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxBatchJobs { get; set; } = 1000;

    /// <summary>
    /// The address at which batch jobs reach this server to report their start and end (an http URL the
    /// compute nodes can open, for example http://submit-host:8080). When unset, the server's own first URL
    /// is used; with no callbacks at all the reconciliation with the scheduler notices ends later.
    /// </summary>
    public string? CallbackUrl { get; set; }

    /// <summary>
    /// At shutdown, how long local jobs already executing may go on to finish by themselves before they are
    /// stopped (and end in ERROR, saying so). Queued jobs stay QUEUED for the next start; batch jobs go on in
    /// their scheduler. Keep it below the host's shutdown timeout (HostOptions:ShutdownTimeout, 30 s).
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    public string JobsDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "jobs");
}
