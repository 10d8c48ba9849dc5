// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Protocol;
using Meridian.Server.Api;
using Meridian.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meridian.Server.Provenance;

/// <summary>
/// {job}/provenance: a finished job's provenance as PROV-JSON (the default) or PROV-N (format=provn, or
/// Accept: text/provenance-notation). A job still active has none yet: 409 with the reason.
/// </summary>
public static class ProvenanceEndpoints
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IEndpointRouteBuilder MapProvenance(this IEndpointRouteBuilder app)
    {
        app.MapJobGroup().MapGet("/provenance", GetProvenanceAsync);
        return app;
    }

    public static async Task<ContentHttpResult> GetProvenanceAsync(OwnedJob owned, string? format, HttpContext context, JobManager manager)
    {
        var (definition, job) = owned;
        var provN = format switch
        {
            null => context.Request.Headers.Accept.Any(a => a?.Contains(ProvNWriter.MediaType, StringComparison.OrdinalIgnoreCase) == true),
            "json" or "prov-json" => false,
            "provn" or "prov-n" => true,
            _ => throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"format: '{format}' is not known (use json or provn)."),
        };
        if (!PhaseTransitions.IsTerminal(job.Phase))
        {
            return PlainText.Status(StatusCodes.Status409Conflict, $"The job is {job.Phase.ToWire()}: its provenance exists once it has ended.");
        }

        var request = context.Request;
        var record = await ProvenanceBuilder.BuildAsync(definition, job, manager.Workspace(job.Id),
            $"{request.Scheme}://{request.Host}{request.PathBase}", JobDocuments.JobUrl(request, definition.Name, job.Id), context.RequestAborted);
        return provN
            ? TypedResults.Text(ProvNWriter.Write(record), ProvNWriter.MediaType + "; charset=utf-8")
            : TypedResults.Text(ProvJsonWriter.Write(record).ToJsonString(Indented), "application/json; charset=utf-8");
    }
}
