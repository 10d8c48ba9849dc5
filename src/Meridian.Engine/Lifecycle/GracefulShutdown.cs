// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Hosting;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// At the start of a shutdown (SIGTERM, Ctrl-C), before the server stops listening and waits for the
/// requests in flight: requests blocked in WAIT answer at once, so that they finish instead of being cut.
/// </summary>
public sealed class GracefulShutdown(IHostApplicationLifetime lifetime, PhaseWaiter waiter) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(waiter.Stop);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
