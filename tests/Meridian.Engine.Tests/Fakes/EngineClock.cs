// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Time.Testing;

namespace Meridian.Engine.Tests.Fakes;

/// <summary>
/// Microsoft's FakeTimeProvider (time moves only when a test advances it; timers fire during Advance), counting
/// the timers still due so that a test can wait until the code under test has set its deadline before it
/// moves the clock past it.
/// </summary>
public sealed class EngineClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly HashSet<CountedTimer> _due = [];

    /// <summary>How many timers are waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _due.Count;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var counted = new CountedTimer(this);
        counted.Inner = base.CreateTimer(_ => counted.Fire(callback, state), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        counted.Change(dueTime, period);
        return counted;
    }

    private void Track(CountedTimer timer, bool due)
    {
        lock (_gate)
        {
            if (due)
            {
                _due.Add(timer);
            }
            else
            {
                _due.Remove(timer);
            }
        }
    }

    private sealed class CountedTimer(EngineClock clock) : ITimer
    {
        private TimeSpan _period;

        public ITimer Inner { get; set; } = null!;

        public void Fire(TimerCallback callback, object? state)
        {
            // A one-shot timer is spent once it fired; a periodic one stays due.
            clock.Track(this, _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan);
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            clock.Track(this, dueTime != Timeout.InfiniteTimeSpan);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock.Track(this, false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
