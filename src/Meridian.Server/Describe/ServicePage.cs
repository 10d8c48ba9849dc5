// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Encodings.Web;
using Meridian.Engine.Descriptions;

namespace Meridian.Server.Describe;

/// <summary>
/// A service described for people: one HTML page with its parameters, results and limits, and links to its job
/// list, synchronous endpoint, OpenAPI and WADL. Every text from the definition is HTML-encoded.
/// </summary>
public static class ServicePage
{
    public static string Render(ServiceDefinition service, string root)
    {
        var html = new StringBuilder();
        var name = Encode(service.Name);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(Encode(service.Title)).Append("</title></head>\n<body>\n<h1>").Append(Encode(service.Title)).Append("</h1>\n")
            .Append("<p>").Append(Encode(service.Description)).Append("</p>\n<ul>\n")
            .Append($"<li>Job list (UWS 1.1): <a href=\"{Encode(root)}/uws/{name}\">/uws/{name}</a></li>\n")
            .Append($"<li>Synchronous runs: <a href=\"{Encode(root)}/sync/{name}\">/sync/{name}</a></li>\n")
            .Append($"<li>Descriptions: <a href=\"{Encode(root)}/describe/{name}/openapi.json\">OpenAPI</a>, <a href=\"{Encode(root)}/describe/{name}/wadl\">WADL</a></li>\n</ul>\n");

        html.Append("<h2>Parameters</h2>\n<table>\n<thead><tr><th>name</th><th>type</th><th>required</th><th>default</th><th>rules</th><th>description</th></tr></thead>\n<tbody>\n");
        foreach (var parameter in service.Parameters)
        {
            Row(html, parameter.Name, ParameterText.Type(parameter), parameter.Required ? "yes" : "no",
                string.Join(", ", parameter.Default), ParameterText.Constraints(parameter), parameter.Description ?? parameter.Title ?? "");
        }

        html.Append("</tbody>\n</table>\n<h2>Results</h2>\n<table>\n<thead><tr><th>name</th><th>file</th><th>type</th><th>description</th></tr></thead>\n<tbody>\n");
        foreach (var result in service.Results)
        {
            Row(html, result.Name, result.Path ?? result.Glob ?? "", result.MimeType, result.Description ?? "");
        }

        Row(html, "stdout, stderr", "", "text/plain", "the program's output streams");
        var limits = service.Limits;
        html.Append("</tbody>\n</table>\n<h2>Limits</h2>\n<ul>\n")
            .Append($"<li>Execution duration: {limits.DefaultExecutionDuration} s by default, at most {(limits.MaxExecutionDuration == 0 ? "unlimited" : limits.MaxExecutionDuration + " s")}</li>\n")
            .Append($"<li>Destruction: {limits.DefaultDestruction.TotalDays:0.##} days after creation by default, at most {limits.MaxDestruction.TotalDays:0.##}</li>\n");
        if (limits.Concurrent is { } concurrent)
        {
            html.Append($"<li>At most {concurrent} jobs executing at once</li>\n");
        }

        return html.Append("</ul>\n</body>\n</html>\n").ToString();
    }

    private static void Row(StringBuilder html, params string[] cells)
    {
        html.Append("<tr>");
        foreach (var cell in cells)
        {
            html.Append("<td>").Append(Encode(cell)).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
