// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Execution;
using Meridian.Engine.Tests.Fakes;

namespace Meridian.Engine.Tests;

/// <summary>The batch executor compliance suite against the fake scheduler the dispatcher's tests use, so that it keeps the contract they rely on.</summary>
public sealed class FakeBatchExecutorTests : BatchExecutorCompliance
{
    private readonly FakeBatchExecutor _fake = new();

    protected override IBatchExecutor CreateExecutor() => _fake;

    protected override IBatchExecutor CreateRestartedExecutor() => _fake.Restarted();

    /// <summary>The fake scheduler starts a job only when told.</summary>
    protected override void LetRun(HeldJob job) => _fake.Run(job.JobId);

    /// <summary>The fake runs no program: it ends the job as the held program would have.</summary>
    protected override void Release(HeldJob job) => _fake.End(job.JobId, job.ExitCode, job.Stderr);
}
