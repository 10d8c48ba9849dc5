// SPDX-License-Identifier: MIT
namespace Meridian.Bench;

/// <summary>How much each part runs, and the targets (for the project's 2-core machines). Counts are after warm-up.</summary>
internal static class Plan
{
    public const int Clients = 8;

    public const int ForkWarmUp = 20;
    public const int ForkRuns = 300;
    public const int HttpWarmUp = 200;
    public const int HttpRequests = 2000;

    public const int CreationWarmUp = 200;
    public const int Creations = 2000;

    public const int EndToEndWarmUp = 30;
    public const int EndToEndSequential = 300;
    public const int EndToEndConcurrentWarmUp = 80;
    public const int EndToEndConcurrent = 2000;

    public const int StoredJobs = 10_000;
    public const int FullListWarmUp = 10;
    public const int FullLists = 200;
    public const int LastTenWarmUp = 200;
    public const int LastTens = 2000;
    public const int PhaseListWarmUp = 10;
    public const int PhaseLists = 200;

    /// <summary>The stores' second list part: filled to this many jobs by a bulk insert, then listed over HTTP.</summary>
    public const int ListStoredJobs = 100_000;
    public const int BigLastTenWarmUp = 200;
    public const int BigLastTens = 2000;
    public const int BigPhaseListWarmUp = 3;
    public const int BigPhaseLists = 30;

    /// <summary>The most any one loop may take; a part cut short says so under the table.</summary>
    public static readonly TimeSpan PartBudget = TimeSpan.FromSeconds(120);

    public const double CreationsPerSecondTarget = 1500;
    public const double LastTenMedianMsTarget = 2;
    public const double EndToEndMedianMsTarget = 10;
    public const double CompletedPerSecondTarget = 200;
    public const double PeakResidentMiBTarget = 150;
    public const double BigLastTenMedianMsTarget = 5;
    public const double TwoNodeSpeedUpTarget = 1.5;
}
