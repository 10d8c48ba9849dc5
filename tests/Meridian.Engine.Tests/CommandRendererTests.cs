// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Xunit;
using static Meridian.Engine.Tests.Fakes.TestServices;

namespace Meridian.Engine.Tests;

public sealed class CommandRendererTests
{
    private static readonly ServiceDefinition Service = Define(
        "stats",
        [
            new ParameterDefinition { Name = "table", Type = ParameterType.File },
            new ParameterDefinition { Name = "header", Type = ParameterType.Boolean },
            new ParameterDefinition { Name = "columns", Type = ParameterType.List, ItemType = ParameterType.Integer },
        ],
        Command("python3", "{service_dir}/stats.py", "--out={work_dir}/out.csv", "--id={job_id}", "{table}", Group("--header", "{?header}"), "{columns}"));

    private static Job JobWith(params JobParameter[] parameters) =>
        new() { Id = "AAAAAAAAAAAAAAAAAAAAAA", Service = "stats", Phase = ExecutionPhase.QUEUED, CreationTime = DateTimeOffset.UnixEpoch, ExecutionDuration = 60, Parameters = parameters };

    [Fact]
    public void Render_FillsBuiltInsAndAbsoluteUploadPaths_WhenTheJobHasAnUpload()
    {
        var workspace = new JobWorkspace("/data/jobs", "AAAAAAAAAAAAAAAAAAAAAA");
        var job = JobWith(
            new JobParameter("table", ["inputs/table.csv"], new UploadedInput("inputs/table.csv", "my table.csv", 10, "text/csv")),
            JobParameter.Scalar("header", "true"),
            new JobParameter("columns", ["1", "3"]));

        var argv = CommandRenderer.Render(Service, job, workspace);

        Assert.Equal(
            ["python3", "/srv/stats/stats.py", "--out=/data/jobs/AAAAAAAAAAAAAAAAAAAAAA/work/out.csv", "--id=AAAAAAAAAAAAAAAAAAAAAA",
             "/data/jobs/AAAAAAAAAAAAAAAAAAAAAA/inputs/table.csv", "--header", "1", "3"],
            argv);
    }

    [Fact]
    public void Render_DropsTheFlagGroup_WhenTheBooleanIsFalse()
    {
        var argv = CommandRenderer.Render(Service, JobWith(JobParameter.Scalar("header", "false")), new JobWorkspace("/data/jobs", "AAAAAAAAAAAAAAAAAAAAAA"));

        Assert.DoesNotContain("--header", argv);
    }
    [Fact]
    public void Render_HandsATableOverAsAFile_AndARecordAsArguments()
    {
        var species = new ParameterDefinition
        {
            Name = "species", Type = ParameterType.Table, Delivery = StructuredDelivery.Csv, MaxItems = 10,
            Fields = [new ParameterDefinition { Name = "molecule", Type = ParameterType.String }, new ParameterDefinition { Name = "abundance", Type = ParameterType.Real }],
        };
        var cloud = new ParameterDefinition
        {
            Name = "cloud", Type = ParameterType.Record, Delivery = StructuredDelivery.Arguments,
            Fields = [new ParameterDefinition { Name = "density", Type = ParameterType.Real }, new ParameterDefinition { Name = "turbulent", Type = ParameterType.Boolean }],
        };
        var service = Define("lines", [species, cloud],
            Command("lvg", "--species={species}", "{species.molecule}", "--n={cloud.density}", Group("--turbulent", "{?cloud.turbulent}")));
        using var folder = new Meridian.Compliance.TempDirectory();
        var workspace = new JobWorkspace(folder.Path, "AAAAAAAAAAAAAAAAAAAAAA");
        var job = JobWith(
            JobParameter.Scalar("species", species.TryCanonicalize("molecule,abundance\nCO,1e-4\nCS,3e-9\n", out _)!),
            JobParameter.Scalar("cloud", cloud.TryCanonicalize("{\"density\": 1e4, \"turbulent\": false}", out _)!));

        var argv = CommandRenderer.Render(service, job, workspace);

        var file = Path.Combine(workspace.Inputs, "species.csv");
        Assert.Equal(["lvg", $"--species={file}", "CO", "CS", "--n=10000"], argv);
        Assert.Equal("molecule,abundance\nCO,0.0001\nCS,3E-09\n", File.ReadAllText(file));
    }
}
