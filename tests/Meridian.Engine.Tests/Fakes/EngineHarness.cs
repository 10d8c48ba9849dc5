// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Meridian.Compliance;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Meridian.Engine.Tests.Fakes;

/// <summary>The engine wired as the server wires it, with an in-memory store, the fake executor and a fake clock.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private bool _started;

    public EngineHarness(int maxConcurrentJobs = 4, params ServiceDefinition[] services)
        : this(maxConcurrentJobs, countStoreCalls: false, services)
    {
    }

    /// <param name="countStoreCalls">Whether the dispatcher and the manager reach the store through <see cref="StoreCalls"/>.</param>
    public EngineHarness(int maxConcurrentJobs, bool countStoreCalls, params ServiceDefinition[] services)
    {
        (EngineStore, StoreCalls) = countStoreCalls ? StoreCallCounter.Wrap(Store) : (Store, null);
        Options = new MeridianOptions
        {
            DataDirectory = Temp.Path,
            MaxConcurrentJobs = maxConcurrentJobs,
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            MaxWaitSeconds = 120,
            // The clock is fake: a grace period would never pass. Tests stop their dispatcher at once.
            ShutdownGracePeriod = TimeSpan.Zero,
        };
        Catalog = new ServiceCatalog(services.Length > 0 ? services : [TestServices.Fake()]);
        Dispatcher = NewDispatcher();
        Manager = new JobManager(EngineStore, Catalog, Dispatcher, Waiter, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<JobManager>.Instance);
    }

    /// <summary>A dispatcher on this harness's store, executors and clock: a fresh one is a restarted server.</summary>
    public JobDispatcher NewDispatcher() =>
        new(EngineStore, Catalog, [Executor, Batch], Waiter, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<JobDispatcher>.Instance);

    public TempDirectory Temp { get; } = new();
    public EngineClock Time { get; } = new(Start);
    public InMemoryJobStore Store { get; } = new();
    /// <summary>The store as the engine sees it: <see cref="Store"/>, through <see cref="StoreCalls"/> when they are counted.</summary>
    public IJobStore EngineStore { get; }
    public StoreCallCounter? StoreCalls { get; }
    public FakeJobExecutor Executor { get; } = new();
    public FakeBatchExecutor Batch { get; } = new();
    public PhaseWaiter Waiter { get; } = new();
    public MeridianOptions Options { get; }
    public ServiceCatalog Catalog { get; }
    public JobDispatcher Dispatcher { get; }
    public JobManager Manager { get; }

    public ServiceDefinition Service(string name = "tool") => Catalog.Find(name)!;

    public async Task StartAsync()
    {
        _started = true;
        await Dispatcher.StartAsync(_stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _stopping.CancelAsync();
            await Dispatcher.StopAsync(CancellationToken.None);
        }

        Dispatcher.Dispose();
        _stopping.Dispose();
        Temp.Dispose();
    }

    /// <summary>Creates a job the way the endpoints do: binds the fields, then asks the manager.</summary>
    public async Task<Job> CreateAsync(string service = "tool", params (string Name, string Value)[] fields)
    {
        var bound = ParameterBinder.BindCreation(Service(service), fields.Select(f => new FormField(f.Name, f.Value)).ToList(), []);
        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        return await Manager.CreateAsync(Service(service), bound, ownerId: null, CancellationToken.None);
    }

    /// <summary>Puts a job straight into the store, in any phase.</summary>
    public async Task<Job> SeedAsync(ExecutionPhase phase, string service = "tool")
    {
        var job = new Job
        {
            Id = JobId.New(),
            Service = service,
            Phase = phase,
            CreationTime = Time.GetUtcNow(),
            ExecutionDuration = 600,
            Destruction = Time.GetUtcNow().AddDays(7),
            Parameters = [JobParameter.Scalar("mode", "succeed")],
        };
        await Store.CreateAsync(job, CancellationToken.None);
        return job;
    }

    public async Task<Job> GetAsync(string id) =>
        await Store.GetAsync(id, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException($"job {id} is gone");

    /// <summary>Waits until the job reaches the phase; fails at once, saying why, if it ends in another.</summary>
    public async Task<Job> WaitForPhaseAsync(string id, ExecutionPhase phase)
    {
        await WaitUntilAsync(async () =>
        {
            var job = await GetAsync(id);
            if (job.Phase != phase && PhaseTransitions.IsTerminal(job.Phase))
            {
                throw new Xunit.Sdk.XunitException($"job {id} ended {job.Phase} instead of {phase}: {job.Error?.Message}");
            }

            return job.Phase == phase;
        }, $"job {id} to reach {phase}");
        return await GetAsync(id);
    }

    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"waited {Patience.TotalSeconds} s for {what}");
            }

            await Task.Delay(10);
        }
    }

    public Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);
}
