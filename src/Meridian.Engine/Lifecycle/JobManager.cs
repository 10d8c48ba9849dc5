// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// The endpoints' one entry point: create, read, list, update, run, abort, destroy and wait. It applies the
/// service's limits and UWS's rules of what may happen in which phase, and wakes waiters and the dispatcher.
/// </summary>
public sealed class JobManager(
    IJobStore store, ServiceCatalog catalog, JobDispatcher dispatcher, PhaseWaiter waiter,
    IOptions<MeridianOptions> options, TimeProvider time, ILogger<JobManager> logger)
{
    private const int RaceRetries = 5;
    private readonly MeridianOptions _options = options.Value;
    private readonly PhaseWriter _phases = new(store, waiter, logger);

    public ServiceCatalog Catalog => catalog;

    public JobWorkspace Workspace(string jobId) => new(_options.JobsDirectory, jobId);

    /// <summary>The job, when it belongs to the service and to <paramref name="ownerId"/> (to anyone when <paramref name="anyOwner"/>).</summary>
    public async Task<Job?> GetAsync(ServiceDefinition service, string jobId, string? ownerId, CancellationToken cancellationToken, bool anyOwner = false)
    {
        if (!JobId.IsWellFormed(jobId))
        {
            return null;
        }

        var job = await store.GetAsync(jobId, cancellationToken);
        return job is not null && job.Service == service.Name && (anyOwner || job.OwnerId == ownerId) ? job : null;
    }

    public Task<IReadOnlyList<JobListEntry>> ListAsync(JobListFilter filter, CancellationToken cancellationToken) =>
        store.ListAsync(filter, cancellationToken);

    /// <summary>Creates a job from a valid binding: uploads are saved in its folder before the job exists, so nothing is half-created.</summary>
    public async Task<Job> CreateAsync(ServiceDefinition service, BoundRequest request, string? ownerId, CancellationToken cancellationToken, string? sweepId = null)
    {
        // Creation times are kept to the millisecond, as they are shown: a client passing a job's
        // creationTime back as AFTER must not get that job again.
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
        var id = JobId.New();
        var workspace = Workspace(id);
        var run = request.Control.Command == PhaseCommand.Run;
        // With a slot free here and no job waiting, the job is created EXECUTING, claimed by this node as it is stored.
        var reserved = run && dispatcher.TryReserve(id, service);
        try
        {
            var parameters = request.Parameters.ToList();
            foreach (var upload in request.Uploads)
            {
                parameters.Add(await SaveUploadAsync(workspace, upload, revision: null, cancellationToken));
            }

            var job = new Job
            {
                Id = id,
                Service = service.Name,
                OwnerId = ownerId,
                RunId = request.Control.RunId,
                Phase = reserved ? ExecutionPhase.EXECUTING : run ? ExecutionPhase.QUEUED : ExecutionPhase.PENDING,
                CreationTime = now,
                QueuedTime = run ? now : null,
                StartTime = reserved ? now : null,
                NodeId = reserved ? _options.NodeId : null,
                ExecutionDuration = service.Limits.ClampExecutionDuration(request.Control.ExecutionDuration ?? service.Limits.DefaultExecutionDuration),
                Destruction = ClampDestruction(service, now, request.Control.Destruction ?? now + service.Limits.DefaultDestruction),
                Parameters = InDeclaredOrder(service, parameters),
                SweepId = sweepId,
            };
            await store.CreateAsync(job, cancellationToken);
            Log.Created(logger, id, service.Name);
            if (reserved)
            {
                dispatcher.StartReserved(job);
            }
            else if (run)
            {
                dispatcher.Wake();
            }

            return job;
        }
        catch
        {
            if (reserved)
            {
                dispatcher.ReleaseReserved(id);
            }

            workspace.Delete();
            throw;
        }
    }

    /// <summary>
    /// Changes parameters of a PENDING job; uploads replace the previous file of the same parameter. A new
    /// file is written aside, under a name of its own that nothing refers to yet; the store's update, which
    /// checks the phase, is what puts it in place. A refused update deletes it, so a job that left PENDING
    /// meanwhile keeps the very files it runs or ran with.
    /// </summary>
    public async Task<Refusal?> UpdateParametersAsync(ServiceDefinition service, Job job, BoundRequest request, CancellationToken cancellationToken)
    {
        if (job.Phase != ExecutionPhase.PENDING)
        {
            return NotPending(job, "its parameters");
        }

        var workspace = Workspace(job.Id);
        var changed = job.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var parameter in request.Parameters)
        {
            changed[parameter.Name] = parameter;
        }

        var writtenAside = new List<string>();
        bool accepted;
        try
        {
            foreach (var upload in request.Uploads)
            {
                var saved = await SaveUploadAsync(workspace, upload, UploadNames.NewRevision(), cancellationToken);
                writtenAside.Add(saved.Upload!.RelativePath);
                changed[upload.Name] = saved;
            }

            accepted = await store.TryUpdateParametersAsync(job.Id, InDeclaredOrder(service, changed.Values), cancellationToken);
        }
        catch (Exception exception)
        {
            DeleteInputs(workspace, writtenAside);
            if (exception is IOException && await store.GetAsync(job.Id, cancellationToken) is null)
            {
                // The job was destroyed while its file came in, and its folder with it.
                workspace.Delete();
                return new Refusal("The job was destroyed meanwhile.");
            }

            throw;
        }

        var current = await store.GetAsync(job.Id, cancellationToken);
        if (!accepted)
        {
            DeleteInputs(workspace, writtenAside);
            if (current is null)
            {
                // Destroyed while the file came in: whatever this request left in its folder goes too.
                workspace.Delete();
                return new Refusal("The job was destroyed meanwhile.");
            }

            return NotPending(current, "its parameters");
        }

        // The files replaced are no longer referred to (unless another update has put them back meanwhile).
        var stillUsed = (current?.Parameters ?? []).Select(p => p.Upload?.RelativePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
        DeleteInputs(workspace, job.Parameters
            .Where(p => p.Upload is not null && request.Uploads.Any(u => u.Name == p.Name) && !stillUsed.Contains(p.Upload.RelativePath))
            .Select(p => p.Upload!.RelativePath));
        waiter.Notify(job.Id);
        return null;
    }

    /// <summary>PHASE=RUN: PENDING (or HELD) becomes QUEUED; a job already queued or executing is left as it is.</summary>
    public async Task<Refusal?> RunAsync(Job job, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < RaceRetries; attempt++)
        {
            switch (job.Phase)
            {
                case ExecutionPhase.QUEUED or ExecutionPhase.EXECUTING:
                    return null;
                case ExecutionPhase.PENDING or ExecutionPhase.HELD:
                    if (await _phases.TryMoveAsync(job, new PhaseChange(ExecutionPhase.QUEUED, time.GetUtcNow()), cancellationToken))
                    {
                        // Not the job as read: its parameters may have changed between that read and this move.
                        await dispatcher.StartOrQueueAsync(job.Id, job.Service);
                        return null;
                    }

                    break;
                default:
                    return new Refusal($"The job is {job.Phase.ToWire()}: a finished job cannot run again; create a new job.");
            }

            if (await store.GetAsync(job.Id, cancellationToken) is not { } again)
            {
                return new Refusal("The job was destroyed meanwhile.");
            }

            job = again;
        }

        return new Refusal("The job kept changing; try again.");
    }

    /// <summary>PHASE=ABORT: a PENDING or QUEUED job is aborted at once; an EXECUTING one is stopped (its process tree killed) first.</summary>
    public async Task<Refusal?> AbortAsync(Job job, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < RaceRetries; attempt++)
        {
            if (!PhaseTransitions.IsAllowed(job.Phase, ExecutionPhase.ABORTED))
            {
                return new Refusal($"The job is {job.Phase.ToWire()}: only a PENDING, QUEUED or EXECUTING job can be aborted.");
            }

            // A QUEUED job may be waiting in a batch scheduler already: the dispatcher cancels it there.
            if (job.Phase is ExecutionPhase.QUEUED or ExecutionPhase.EXECUTING && await dispatcher.TryStopAsync(job.Id, StopReason.Abort, cancellationToken))
            {
                return null;
            }

            if (await _phases.TryMoveAsync(job, new PhaseChange(ExecutionPhase.ABORTED, time.GetUtcNow()), cancellationToken))
            {
                return null;
            }

            if (await store.GetAsync(job.Id, cancellationToken) is not { } again)
            {
                return new Refusal("The job was destroyed meanwhile.");
            }

            job = again;
        }

        return new Refusal("The job kept changing; try again.");
    }

    /// <summary>Destroys a job: stops it if it executes here, deletes its files, then forgets it.</summary>
    public async Task<bool> DestroyAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken);
        if (job is null)
        {
            return false;
        }

        // Files first: if the server dies in between, the job is still listed and destroyed again later.
        // The dispatcher may claim a QUEUED job while this runs: once the row is gone no claim can
        // succeed, so a second stop catches one that slipped in, and its files go with it.
        // An upload accepted just before the row went may have written after the first deletion: the files
        // go again once the row is gone (later uploads are refused, and clear up after themselves).
        var workspace = Workspace(jobId);
        await dispatcher.TryStopAsync(job.Id, StopReason.Abort, cancellationToken);
        workspace.Delete();
        var deleted = await store.DeleteAsync(jobId, cancellationToken);
        await dispatcher.TryStopAsync(job.Id, StopReason.Abort, cancellationToken);
        workspace.Delete();

        waiter.Notify(jobId);
        if (deleted)
        {
            Log.Destroyed(logger, jobId, job.Service);
        }

        return deleted;
    }

    public async Task<Refusal?> SetExecutionDurationAsync(ServiceDefinition service, Job job, int seconds, CancellationToken cancellationToken)
    {
        if (job.Phase != ExecutionPhase.PENDING
            || !await store.TrySetExecutionDurationAsync(job.Id, service.Limits.ClampExecutionDuration(seconds), cancellationToken))
        {
            return NotPending(await store.GetAsync(job.Id, cancellationToken) ?? job, "its execution duration");
        }

        waiter.Notify(job.Id);
        return null;
    }

    /// <summary>Sets the destruction instant, no later than the service's maximum after creation.</summary>
    public async Task SetDestructionAsync(ServiceDefinition service, Job job, DateTimeOffset destruction, CancellationToken cancellationToken)
    {
        if (await store.TrySetDestructionAsync(job.Id, ClampDestruction(service, job.CreationTime, destruction), cancellationToken))
        {
            waiter.Notify(job.Id);
        }
    }

    /// <summary>The job's generation in the WAIT bookkeeping (PhaseWaiter): note it before reading a job that may be waited on.</summary>
    public long Generation(string jobId) => waiter.Generation(jobId);

    /// <summary>
    /// WAIT: blocks while the job is active (and in <paramref name="phase"/>, when given) until it changes or
    /// the time runs out; WAIT=-1 and values over the cap wait the configured maximum.
    /// </summary>
    /// <param name="generationBeforeRead">The job's <see cref="Generation"/> noted before <paramref name="job"/> was read, if it was:
    /// when it has not moved, the job is not read again before the wait.</param>
    public async Task<Job?> WaitAsync(Job job, int seconds, ExecutionPhase? phase, CancellationToken cancellationToken, long? generationBeforeRead = null)
    {
        if (seconds == 0 || !job.Phase.IsActive() || (phase is { } expected && job.Phase != expected))
        {
            return job;
        }

        var limit = seconds < 0 || seconds > _options.MaxWaitSeconds ? _options.MaxWaitSeconds : seconds;
        var changed = waiter.NextChange(job.Id);
        if (generationBeforeRead != waiter.Generation(job.Id))
        {
            var current = await store.GetAsync(job.Id, cancellationToken);
            if (current is null || current.Phase != job.Phase)
            {
                return current;
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(TimeSpan.FromSeconds(limit), time, timeout.Token);
        await Task.WhenAny(changed, delay);
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return await store.GetAsync(job.Id, cancellationToken);
    }

    private static DateTimeOffset ClampDestruction(ServiceDefinition service, DateTimeOffset creation, DateTimeOffset requested)
    {
        var latest = creation + service.Limits.MaxDestruction;
        return requested > latest ? latest : requested;
    }

    private static Refusal NotPending(Job job, string what) =>
        new($"The job is {job.Phase.ToWire()}: {what} can change only while it is PENDING.");

    private static List<JobParameter> InDeclaredOrder(ServiceDefinition service, IEnumerable<JobParameter> parameters) =>
        parameters.OrderBy(p => service.Parameters.ToList().FindIndex(d => d.Name == p.Name)).ToList();

    private static void DeleteInputs(JobWorkspace workspace, IEnumerable<string> relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            try
            {
                if (workspace.Resolve(relative) is { } path)
                {
                    File.Delete(path);
                }
            }
            catch (DirectoryNotFoundException)
            {
                // The job's folder is gone, and the file with it.
            }
        }
    }

    /// <summary>Stores an upload as inputs/{parameter}[-{revision}]{extension}; a file the write leaves half done is deleted.</summary>
    /// <summary>
    /// Creates the file, and its folders; a deletion of the job running at the same moment may remove them in
    /// between, so this tries again (the deletion clears up whatever is left once the job's row is gone).
    /// </summary>
    private static FileStream OpenNew(JobWorkspace workspace, string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(workspace.Inputs);
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            }
            catch (DirectoryNotFoundException) when (attempt < 5)
            {
                // The folder went away meanwhile.
            }
        }
    }

    private static async Task<JobParameter> SaveUploadAsync(JobWorkspace workspace, FormUpload upload, string? revision, CancellationToken cancellationToken)
    {
        // The stored name comes from the parameter, never from the client: only a plain extension is kept.
        var stem = revision is null ? upload.Name : $"{upload.Name}-{revision}";
        var relative = Path.Combine(JobWorkspace.InputsFolder, stem + UploadNames.SafeExtension(upload.FileName));
        var path = workspace.Resolve(relative) ?? throw new InvalidOperationException("upload path escapes the job folder");
        long size;
        FileStream? target = null;
        try
        {
            await using var source = upload.OpenReadStream();
            target = OpenNew(workspace, path);
            await source.CopyToAsync(target, cancellationToken);
            size = target.Length;
            await target.DisposeAsync();
        }
        catch when (target is not null)
        {
            // Only a file this call created is deleted: a half-written upload must not be taken for a whole one.
            await target.DisposeAsync();
            File.Delete(path);
            throw;
        }

        return new JobParameter(upload.Name, [relative], new UploadedInput(relative, UploadNames.DisplayName(upload.FileName), size, upload.ContentType));
    }
}

/// <summary>Why a request cannot be carried out in the job's current state (answered with 403 and this reason).</summary>
public sealed record Refusal(string Reason);
