// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Server.Web;

/// <summary>
/// GET /api/phases: for each UWS phase, whether a job in it is still unfinished and which client actions (RUN,
/// ABORT) the server takes in it, from the Engine's transition table. The pages offer exactly these, so a button
/// is never shown for a change the server would refuse.
/// </summary>
public static class PhaseRulesEndpoints
{
    public const string Path = "/api/phases";

    public static IEndpointRouteBuilder MapPhaseRules(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext context) =>
        {
            // The table changes only with a new server: a page may keep it for a while.
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Json(Rules(), JsonSerializerOptions.Web);
        });
        return app;
    }

    public static Dictionary<string, object> Rules() =>
        Enum.GetValues<ExecutionPhase>().ToDictionary(
            phase => phase.ToWire(),
            phase => (object)new
            {
                unfinished = PhaseTransitions.IsUnfinished(phase),
                actions = new[] { ("RUN", PhaseTransitions.CanRun(phase)), ("ABORT", PhaseTransitions.CanAbort(phase)) }
                    .Where(action => action.Item2).Select(action => action.Item1).ToArray(),
            });
}
