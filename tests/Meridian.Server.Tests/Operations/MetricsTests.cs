// SPDX-License-Identifier: MIT
using System.Diagnostics.Metrics;
using System.Text;
using Meridian.Engine.Diagnostics;
using Meridian.Server.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Server.Tests.Operations;

/// <summary>/metrics after a known sequence of jobs: the census by phase, the queue, job durations and request latencies.</summary>
public sealed class MetricsTests : IClassFixture<MeridianApplication>
{
    private readonly MeridianApplication _app;
    private readonly UwsClient _uws;

    public MetricsTests(MeridianApplication app)
    {
        _app = app;
        _uws = new UwsClient(app.Client);
    }

    [Fact]
    public async Task Metrics_CountJobsDurationsAndRequests_AfterAKnownSequence()
    {
        var completed = new[] { await _uws.CreateAsync("echo", ("PHASE", "RUN")), await _uws.CreateAsync("echo", ("text", "two"), ("PHASE", "RUN")) };
        var failed = await _uws.CreateAsync("fail", ("PHASE", "RUN"));
        await _uws.CreateAsync("echo");
        foreach (var job in completed)
        {
            Assert.Equal("COMPLETED", UwsClient.Phase(await _uws.WaitForEndAsync(job)));
        }

        Assert.Equal("ERROR", UwsClient.Phase(await _uws.WaitForEndAsync(failed)));

        var scrape = await PrometheusScrape.GetAsync(_app.Client);

        Assert.Equal(1, scrape.Value("meridian_store_up"));
        Assert.Equal(2, scrape.Value("meridian_jobs", ("service", "echo"), ("phase", "COMPLETED")));
        Assert.Equal(1, scrape.Value("meridian_jobs", ("service", "echo"), ("phase", "PENDING")));
        Assert.Equal(1, scrape.Value("meridian_jobs", ("service", "fail"), ("phase", "ERROR")));
        Assert.Equal(0, scrape.Value("meridian_jobs", ("service", "sleep"), ("phase", "EXECUTING")));
        Assert.Equal(4, scrape.Sum("meridian_jobs"));
        Assert.Equal(0, scrape.Value("meridian_queue_length"));
        Assert.Equal(0, scrape.Value("meridian_executing_jobs"));

        Assert.Equal(2, scrape.Value("meridian_job_duration_seconds_count", ("service", "echo"), ("phase", "COMPLETED")));
        Assert.Equal(2, scrape.Value("meridian_job_duration_seconds_bucket", ("service", "echo"), ("phase", "COMPLETED"), ("le", "+Inf")));
        Assert.Equal(1, scrape.Value("meridian_job_duration_seconds_count", ("service", "fail"), ("phase", "ERROR")));
        Assert.True(scrape.Value("meridian_job_duration_seconds_sum", ("service", "echo"), ("phase", "COMPLETED")) > 0, "two jobs that ran take some time");
        Assert.Contains("# TYPE meridian_job_duration_seconds histogram", scrape.Types);

        // Four creations, each a POST to the job-list route; every one answered 303.
        Assert.Equal(4, scrape.Value("http_server_request_duration_seconds_count",
            ("http_request_method", "POST"), ("http_route", "/uws/{service}"), ("http_response_status_code", "303")));
        Assert.True(scrape.Sum("http_server_request_duration_seconds_count", ("http_route", "/uws/{service}/{jobId}")) >= 3,
            "each job was followed with WAIT on its job route");
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", scrape.Types);
    }

    [Fact]
    public void PrometheusText_NamesAndEscapes_AsTheFormatSays()
    {
        Assert.Equal("http_server_request_duration_seconds", Server.Operations.PrometheusText.MetricName("http.server.request.duration", "s"));
        Assert.Equal("a\\\"b\\\\c\\n", Server.Operations.PrometheusText.Escape("a\"b\\c\n"));
    }

    [Fact]
    public void Exporter_KeepsOneSeriesPerLabelSet_WhateverTheOrderOfTheTags()
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var exporter = new PrometheusExporter(provider.GetRequiredService<IMeterFactory>());
        var counter = provider.GetRequiredService<IMeterFactory>().Create(JobMetrics.MeterName).CreateCounter<long>("test.things");

        counter.Add(1, new("service", "echo"), new("phase", "COMPLETED"));
        counter.Add(2, new("phase", "COMPLETED"), new("service", "echo"));
        counter.Add(4, new("service", "echo"), new("phase", "ERROR"));
        counter.Add(8, new("service", "echo"), new("phase", "COMPLETED"));
        var output = new StringBuilder();
        exporter.WriteTo(output);

        var samples = output.ToString().Split('\n').Where(line => line.StartsWith("test_things_total", StringComparison.Ordinal)).ToList();
        Assert.Equal(["test_things_total{phase=\"COMPLETED\",service=\"echo\"} 11", "test_things_total{phase=\"ERROR\",service=\"echo\"} 4"], samples);
    }
}
