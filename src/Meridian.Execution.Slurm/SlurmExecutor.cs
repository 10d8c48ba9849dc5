// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Execution.Slurm;

/// <summary>
/// Runs jobs as SLURM batch jobs: a generated script (the argv single-quoted, exec'd) submitted with sbatch,
/// followed with squeue, cancelled with scancel. The handle is the SLURM job id, so any instance (a server
/// restarted after a crash) can report on, wait for and cancel a job another instance submitted.
/// </summary>
/// <remarks>
/// Waiting costs one squeue call per reconciliation interval for all the jobs waited for together. The
/// batch script reports the job's start and end to Meridian (Report): a start or a successful end is taken
/// as it is, a failed end makes the executor ask SLURM at once for the state to report. A controller that
/// does not answer sbatch makes StartAsync throw ExecutorUnavailableException: the job was not refused, and
/// it is submitted again later.
/// </remarks>
public sealed class SlurmExecutor : IBatchExecutor
{
    /// <summary>The name service definitions use: executor: slurm.</summary>
    public const string ExecutorName = "slurm";

    private readonly SlurmExecutorOptions _options;
    private readonly SlurmCommands _commands;
    private readonly SlurmJobWatcher _watcher;
    private readonly ILogger _logger;

    /// <param name="options">The settings; checked here, so a bad one fails at start-up.</param>
    /// <param name="logger">Where submissions, refusals and reconciliation failures are logged.</param>
    /// <param name="commands">The command runner, to share its count of scheduler calls; a new one when null.</param>
    public SlurmExecutor(SlurmExecutorOptions options, ILogger<SlurmExecutor>? logger = null, SlurmCommands? commands = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The SLURM executor's settings are not usable: {string.Join(" ", problems)}", nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger<SlurmExecutor>.Instance;
        _commands = commands ?? new SlurmCommands(options);
        _watcher = new SlurmJobWatcher(_commands, options.ReconciliationInterval, _logger);
    }

    public string Name => ExecutorName;

    /// <summary>
    /// Writes the batch script beside the working directory and submits it. A program missing on this
    /// machine, or a job SLURM refuses (bad partition, over a limit), throws ExecutionStartException with
    /// the reason; an unreachable controller throws SlurmCommandException (SchedulerUnreachable).
    /// </summary>
    public async Task<string> StartAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var program = request.Arguments.Count > 0 ? request.Arguments[0] : "";
        if (_options.CheckProgramOnSubmitHost && !ProgramLocator.Exists(program, request.WorkingDirectory, request.Environment))
        {
            throw new ExecutionStartException(
                $"could not start '{program}': no such executable file on the submit host",
                new FileNotFoundException("The program was not found.", program));
        }

        SbatchScript script;
        try
        {
            script = SbatchScript.Render(request, _options.For(request.Batch));
        }
        catch (ArgumentException exception)
        {
            throw new ExecutionStartException($"could not write the batch script: {exception.Message}", exception);
        }

        var folder = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(request.WorkingDirectory)) ?? request.WorkingDirectory;
        var path = Path.Combine(folder, SbatchScript.FileName);
        await File.WriteAllTextAsync(path, script.Text, cancellationToken);
        try
        {
            var jobId = await _commands.SubmitAsync(path, script.Options, cancellationToken);
            Log.Submitted(_logger, request.JobId, jobId);
            return jobId;
        }
        catch (SlurmCommandException exception) when (!exception.SchedulerUnreachable)
        {
            Log.Refused(_logger, request.JobId, exception.Message);
            throw new ExecutionStartException($"SLURM refused the job: {exception.StandardError}", exception);
        }
        catch (SlurmCommandException exception)
        {
            throw new ExecutorUnavailableException($"SLURM did not answer: {exception.Message}", _options.ReconciliationInterval, exception);
        }
    }

    /// <summary>Completes when SLURM runs the job (or its script says it started), or when it has ended.</summary>
    public Task<ExecutionStatus> WaitForStartAsync(string handle, IProgress<ExecutionStatus>? pending, CancellationToken cancellationToken) =>
        SlurmCommands.IsJobId(handle) ? _watcher.WaitForStartAsync(handle, pending, cancellationToken) : Task.FromResult(NotAJob(handle));

    /// <summary>The SLURM job named meridian-{jobId}, in the controller's memory or its completion log; null when there is none.</summary>
    public Task<string?> FindAsync(string jobId, CancellationToken cancellationToken) =>
        _commands.FindByNameAsync(SbatchScript.JobName(jobId), cancellationToken);

    /// <summary>
    /// The job's script reported its start, or its program's exit. A start and an exit code 0 are taken as
    /// they are; any other code makes the executor ask SLURM at once, so that the job's final state (FAILED,
    /// OUT_OF_MEMORY, NODE_FAIL…) is the one reported.
    /// </summary>
    public void Report(string handle, ExecutionCallbackEvent callbackEvent, int? exitCode)
    {
        if (!SlurmCommands.IsJobId(handle))
        {
            return;
        }

        var report = (callbackEvent, exitCode) switch
        {
            (ExecutionCallbackEvent.Started, _) => JobReport.Started,
            (ExecutionCallbackEvent.Ended, 0) => JobReport.Succeeded,
            _ => JobReport.Expedite,
        };
        _watcher.Receive(handle, report);
    }

    /// <summary>
    /// Why this machine cannot submit jobs to SLURM (its commands are not installed), or null. An unreachable
    /// controller is not such a reason: jobs then wait QUEUED until it answers.
    /// </summary>
    public string? CheckInstalled()
    {
        foreach (var command in new[] { _options.SbatchPath, _options.SqueuePath, _options.ScancelPath })
        {
            if (!ProgramLocator.Exists(command, Environment.CurrentDirectory, new Dictionary<string, string>()))
            {
                return $"SLURM's command '{command}' is not installed on this machine (install slurm-client and point it at the cluster, "
                    + "or set Meridian:Slurm:SbatchPath and friends)";
            }
        }

        return null;
    }

    /// <summary>Completes when SLURM reports the job ended; works for any job id, also one submitted by another instance.</summary>
    public Task<ExecutionStatus> WaitForExitAsync(string handle, CancellationToken cancellationToken) =>
        SlurmCommands.IsJobId(handle) ? _watcher.WaitAsync(handle, cancellationToken) : Task.FromResult(NotAJob(handle));

    /// <summary>
    /// What SLURM says now (one squeue call, and sacct if the controller has forgotten the job); works for any
    /// job id. Throws SlurmCommandException when the controller does not answer: that is not Lost.
    /// </summary>
    public async Task<ExecutionStatus> GetStatusAsync(string handle, CancellationToken cancellationToken)
    {
        if (!SlurmCommands.IsJobId(handle))
        {
            return NotAJob(handle);
        }

        var statuses = await _watcher.LookUpAsync([handle], cancellationToken);
        return statuses[handle];
    }

    /// <summary>scancel; SLURM stops the job's whole process tree. An ended or unknown job is left as it is.</summary>
    public async Task CancelAsync(string handle, CancellationToken cancellationToken)
    {
        if (!SlurmCommands.IsJobId(handle))
        {
            return;
        }

        await _commands.CancelAsync(handle, cancellationToken);
        Log.Cancelled(_logger, handle);
        _watcher.Expedite(handle);
    }

    /// <summary>
    /// Tells the executor that the job has probably ended (its completion callback arrived): the jobs being
    /// waited for are looked up at once, and again shortly after while SLURM still reports this one as ending.
    /// The caller authenticates the callback; a false notification costs one lookup and changes nothing.
    /// </summary>
    public void NotifyEnded(string handle)
    {
        if (SlurmCommands.IsJobId(handle))
        {
            _watcher.Expedite(handle);
        }
    }

    private static ExecutionStatus NotAJob(string handle) =>
        new(ExecutionState.Lost, Message: $"'{handle}' is not a SLURM job id");
}
