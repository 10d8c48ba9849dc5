// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

/// <summary>
/// What every IJobStore must do, whatever keeps the jobs. An implementation's test class inherits this
/// and says how to make a fresh, empty store; each test gets its own.
/// </summary>
public abstract partial class JobStoreCompliance : IDisposable
{
    protected const string Service = "svc";
    /// <summary>A creation instant in a non-UTC offset: stores must keep the instant, whatever the offset.</summary>
    protected static readonly DateTimeOffset T0 = new(2030, 1, 2, 5, 4, 5, 678, TimeSpan.FromHours(2));
    private static readonly CancellationToken None = CancellationToken.None;
    private IJobStore? _store;

    /// <summary>A new, empty store. Called at most once per test.</summary>
    protected abstract IJobStore CreateStore();

    protected IJobStore Store => _store ??= CreateStore();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_store as IDisposable)?.Dispose();
        }
    }

    protected static Job NewJob(ExecutionPhase phase = ExecutionPhase.PENDING, DateTimeOffset? created = null, string service = Service, string? owner = null) =>
        new()
        {
            Id = JobId.New(),
            Service = service,
            OwnerId = owner,
            Phase = phase,
            CreationTime = created ?? T0,
            ExecutionDuration = 600,
        };

    protected async Task<Job> AddAsync(Job job)
    {
        await Store.CreateAsync(job, None);
        return job;
    }

    protected async Task<Job> ReloadAsync(Job job) =>
        await Store.GetAsync(job.Id, None) ?? throw new Xunit.Sdk.XunitException($"job {job.Id} should still be stored");

    [Fact]
    public async Task GetAsync_ReturnsEveryField_WhenTheJobWasCreatedWithAllOfThem()
    {
        var job = NewJob(ExecutionPhase.COMPLETED, owner: "CN=alice, O=Observatory") with
        {
            RunId = "run-42",
            QueuedTime = T0.AddSeconds(1),
            StartTime = T0.AddSeconds(2),
            EndTime = T0.AddSeconds(3),
            ExecutionDuration = 3600,
            Destruction = T0.AddDays(7),
            Parameters =
            [
                JobParameter.Scalar("theta", "1.5"),
                new JobParameter("baselines", ["10", "50", "100"]),
                new JobParameter("catalog", ["inputs/catalog.fits"], new UploadedInput("inputs/catalog.fits", "my catalog.fits", 2880, "application/fits")),
            ],
            Results = [new JobResult("vis2", "work/vis2.csv", "text/csv", 1234), new JobResult("stdout", "stdout.txt", "text/plain", 0)],
            Error = new ErrorSummary(ErrorType.Transient, "partly failed", HasDetail: true),
            ExecutorHandle = "4242:987654",
            NodeId = "node-b",
            ExpectedStart = T0.AddSeconds(90),
            SweepId = "sweep-7",
        };
        // A field added to Job later must be added here too, or this round trip would not see it lost.
        var unset = typeof(Job).GetProperties().Where(property => property.GetValue(job) is null or IList<object> { Count: 0 }).Select(p => p.Name);
        Assert.Empty(unset);
        await AddAsync(job);

        AssertSameJob(job, await Store.GetAsync(job.Id, None));
    }

    [Fact]
    public async Task GetAsync_ReturnsNullTimesAndEmptyLists_WhenTheJobHasNone()
    {
        var job = NewJob();
        await AddAsync(job);

        var stored = await ReloadAsync(job);

        AssertSameJob(job, stored);
        Assert.Null(stored.OwnerId);
        Assert.Null(stored.RunId);
        Assert.Null(stored.QueuedTime);
        Assert.Null(stored.StartTime);
        Assert.Null(stored.EndTime);
        Assert.Null(stored.Destruction);
        Assert.Null(stored.Error);
        Assert.Null(stored.ExecutorHandle);
        Assert.Empty(stored.Parameters);
        Assert.Empty(stored.Results);
    }

    [Fact]
    public async Task GetAsync_KeepsValuesExactly_WhenTheyHoldUnicodeAndMarkup()
    {
        string[] values = ["Ελληνικά", "東京 🔭 ☄", "עברית", "e\u0301", "quote \" apostrophe ' <tag/> & ; $(x)", "tab\tnew\nline", "  padded  ", ""];
        var job = NewJob(owner: "ユーザー") with { RunId = "運転 🚀", Parameters = [new JobParameter("texts", values)] };
        await AddAsync(job);

        var stored = await ReloadAsync(job);

        Assert.Equal(values, stored.Parameters.Single().Values);
        Assert.Equal("ユーザー", stored.OwnerId);
        Assert.Equal("運転 🚀", stored.RunId);
    }

    [Fact]
    public async Task GetAsync_ReturnsTheWholeValue_WhenAParameterHoldsOneMegabyte()
    {
        var large = string.Concat(Enumerable.Range(0, 1 << 20).Select(i => (char)('a' + (i % 26))));
        var job = NewJob() with { Parameters = [JobParameter.Scalar("text", large)] };
        await AddAsync(job);

        var stored = await ReloadAsync(job);

        Assert.Equal(large, stored.Parameters.Single().Values.Single());
    }

    [Fact]
    public async Task GetAsync_ReturnsNull_WhenNoSuchJobExists()
    {
        await AddAsync(NewJob());

        Assert.Null(await Store.GetAsync(JobId.New(), None));
    }

    protected static void AssertSameJob(Job expected, Job? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Service, actual.Service);
        Assert.Equal(expected.OwnerId, actual.OwnerId);
        Assert.Equal(expected.RunId, actual.RunId);
        Assert.Equal(expected.Phase, actual.Phase);
        Assert.Equal(expected.CreationTime, actual.CreationTime);
        Assert.Equal(expected.QueuedTime, actual.QueuedTime);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.EndTime, actual.EndTime);
        Assert.Equal(expected.ExecutionDuration, actual.ExecutionDuration);
        Assert.Equal(expected.Destruction, actual.Destruction);
        Assert.Equal(expected.Parameters.Count, actual.Parameters.Count);
        foreach (var (want, got) in expected.Parameters.Zip(actual.Parameters))
        {
            Assert.Equal(want.Name, got.Name);
            Assert.Equal(want.Values, got.Values);
            Assert.Equal(want.Upload, got.Upload);
        }

        Assert.Equal(expected.Results, actual.Results);
        Assert.Equal(expected.Error, actual.Error);
        Assert.Equal(expected.ExecutorHandle, actual.ExecutorHandle);
        Assert.Equal(expected.NodeId, actual.NodeId);
        Assert.Equal(expected.ExpectedStart, actual.ExpectedStart);
        Assert.Equal(expected.SweepId, actual.SweepId);
    }
}
