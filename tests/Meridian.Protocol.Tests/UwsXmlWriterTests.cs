// SPDX-License-Identifier: MIT
using System.Xml.Linq;
using Meridian.Compliance;
using Xunit;
using static Meridian.Protocol.Tests.Documents;

namespace Meridian.Protocol.Tests;

public sealed class UwsXmlWriterTests
{
    private static XDocument Job(JobSummary job) => ValidUws(Write(s => UwsXmlWriter.WriteJob(s, job)));

    private static string? Text(XDocument document, string name) => document.Root!.Element(Uws + name)?.Value;

    [Fact]
    public void WriteJob_WritesAValidJobWithEveryField_WhenEveryFieldIsSet()
    {
        var document = Job(FullJob());

        Assert.Equal("1.1", document.Root!.Attribute("version")?.Value);
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAAA", Text(document, "jobId"));
        Assert.Equal("night-3", Text(document, "runId"));
        Assert.Equal("CN=Alice, O=Observatory", Text(document, "ownerId"));
        Assert.Equal("COMPLETED", Text(document, "phase"));
        Assert.Equal("2030-01-02T03:09:05.006Z", Text(document, "quote"));
        Assert.Equal("2030-01-02T03:04:05.006Z", Text(document, "creationTime"));
        Assert.Equal("2030-01-02T03:04:06.006Z", Text(document, "startTime"));
        Assert.Equal("2030-01-02T03:05:06.006Z", Text(document, "endTime"));
        Assert.Equal("600", Text(document, "executionDuration"));
        Assert.Equal("2030-01-09T03:04:05.006Z", Text(document, "destruction"));
        var result = document.Root!.Element(Uws + "results")!.Elements(Uws + "result").First();
        Assert.Equal(("vis2", "https://example.org/jobs/x/results/vis2", "1234", "text/csv"),
            (result.Attribute("id")?.Value, result.Attribute(Xlink + "href")?.Value, result.Attribute("size")?.Value, result.Attribute("mime-type")?.Value));
    }

    [Theory]
    [MemberData(nameof(EveryPhase))]
    public void WriteJob_WritesAValidJob_ForEveryPhase(ExecutionPhase phase)
    {
        Assert.Equal(phase.ToWire(), Text(Job(MinimalJob() with { Phase = phase }), "phase"));
    }

    public static TheoryData<ExecutionPhase> EveryPhase() => new(Enum.GetValues<ExecutionPhase>());

    [Fact]
    public void WriteJob_WritesNilElements_WhenOptionalValuesAreAbsent()
    {
        var document = Job(MinimalJob());

        foreach (var name in new[] { "ownerId", "quote", "startTime", "endTime", "destruction" })
        {
            Assert.True(document.Root!.Element(Uws + name)?.Attribute(Xsi + "nil")?.Value == "true", $"{name} should be written as xsi:nil");
        }

        Assert.Null(document.Root!.Element(Uws + "runId"));
        Assert.Null(document.Root!.Element(Uws + "errorSummary"));
        Assert.Null(document.Root!.Element(Uws + "jobInfo"));
        Assert.Empty(document.Root!.Element(Uws + "parameters")!.Elements());
        Assert.Empty(document.Root!.Element(Uws + "results")!.Elements());
    }

    [Theory]
    [InlineData(ErrorType.Fatal, true, "fatal", "true")]
    [InlineData(ErrorType.Transient, false, "transient", "false")]
    public void WriteJob_WritesTheErrorSummary_WhenTheJobFailed(ErrorType type, bool hasDetail, string typeText, string detailText)
    {
        var document = Job(MinimalJob() with { Phase = ExecutionPhase.ERROR, ErrorSummary = new ErrorSummary(type, "The program exited with code 3.", hasDetail) });

        var error = document.Root!.Element(Uws + "errorSummary")!;
        Assert.Equal((typeText, detailText), (error.Attribute("type")?.Value, error.Attribute("hasDetail")?.Value));
        Assert.Equal("The program exited with code 3.", error.Element(Uws + "message")?.Value);
    }

    [Fact]
    public void WriteJob_WritesProgressInJobInfo_WhenTheJobReportsIt()
    {
        var document = Job(MinimalJob() with { Phase = ExecutionPhase.EXECUTING, Progress = new JobProgress(0.5, "half way") });

        var progress = document.Root!.Element(Uws + "jobInfo")!.Element(XName.Get("progress", UwsXmlWriter.MeridianNamespace))!;
        Assert.Equal(("0.5", "half way"), (progress.Attribute("fraction")?.Value, progress.Value));
    }

    [Fact]
    public void WriteJob_MarksTheParameterByReference_WhenItIsAnUpload()
    {
        var document = Job(MinimalJob() with { Parameters = [new ParameterValue("catalog", "https://example.org/x/catalog", ByReference: true), new ParameterValue("theta", "1.5")] });

        var parameters = document.Root!.Element(Uws + "parameters")!.Elements(Uws + "parameter").ToList();
        Assert.Equal(("catalog", "true", "https://example.org/x/catalog"), (parameters[0].Attribute("id")?.Value, parameters[0].Attribute("byReference")?.Value, parameters[0].Value));
        Assert.Null(parameters[1].Attribute("byReference"));
    }

    [Fact]
    public void WriteJob_ReplacesCharactersXmlCannotCarry_WhenTheMessageHoldsControlCharacters()
    {
        const string message = "bad\u0000byte \u001b[31mred\u001b[0m \ud800lone; tab\tand\nnewline kept; emoji 🔭 kept";
        var document = Job(MinimalJob() with
        {
            Phase = ExecutionPhase.ERROR,
            ErrorSummary = new ErrorSummary(ErrorType.Fatal, message, true),
            Parameters = [new ParameterValue("text", "a\u0001b")],
            Progress = new JobProgress(0, "step\u0007"),
        });

        Assert.Equal("bad\uFFFDbyte \uFFFD[31mred\uFFFD[0m \uFFFDlone; tab\tand\nnewline kept; emoji 🔭 kept",
            document.Root!.Element(Uws + "errorSummary")!.Element(Uws + "message")!.Value);
        Assert.Equal("a\uFFFDb", document.Root!.Element(Uws + "parameters")!.Element(Uws + "parameter")!.Value);
        Assert.Equal("step\uFFFD", document.Root!.Element(Uws + "jobInfo")!.Elements().Single().Value);
    }

    [Fact]
    public void WriteResults_ReplacesCharactersXmlCannotCarry_WhenAProgramNamedAFileWithControlCharacters()
    {
        // Glob results are named after the files the wrapped program wrote, whatever their names.
        ResultReference[] results = [new("out/\u0001odd\u001bname.txt", "https://example.org/jobs/x/results/out%2F%01odd%1Bname.txt", 3, "text/plain")];

        var document = ValidUws(Write(s => UwsXmlWriter.WriteResults(s, results)));

        Assert.Equal("out/\uFFFDodd\uFFFDname.txt", document.Root!.Element(Uws + "result")?.Attribute("id")?.Value);
    }

    [Fact]
    public void WriteJob_NeverFails_WhenAnyStoredTextHoldsNoncharactersOrControlCharacters()
    {
        // Whatever reached the store (an old row, an owner named by a token, a program's stderr), the document must stay readable.
        var document = Job(FullJob() with
        {
            RunId = "run\uFFFF\uFFFE",
            OwnerId = "alice\u0000\uFFFE",
            Phase = ExecutionPhase.ERROR,
            ErrorSummary = new ErrorSummary(ErrorType.Fatal, "tail\uFFFF\u0008", true),
            Parameters = [new ParameterValue("text", "x\uFFFEy")],
        });

        Assert.Equal("run\uFFFD\uFFFD", Text(document, "runId"));
        Assert.Equal("alice\uFFFD\uFFFD", Text(document, "ownerId"));
        Assert.Equal("x\uFFFDy", document.Root!.Element(Uws + "parameters")!.Element(Uws + "parameter")!.Value);
    }

    [Fact]
    public void WriteJobList_StaysReadable_WhenOneJobsRunIdHoldsANoncharacter()
    {
        JobReference[] jobs =
        [
            new("AAAAAAAAAAAAAAAAAAAAAA", "https://example.org/uws/x/AAAAAAAAAAAAAAAAAAAAAA", ExecutionPhase.PENDING, "bad\uFFFF", "bob\uFFFE", Created),
            new("BBBBBBBBBBBBBBBBBBBBBB", "https://example.org/uws/x/BBBBBBBBBBBBBBBBBBBBBB", ExecutionPhase.PENDING, "good", null, Created),
        ];

        var document = ValidUws(Write(s => UwsXmlWriter.WriteJobList(s, jobs)));

        Assert.Equal(["bad\uFFFD", "good"], document.Root!.Elements(Uws + "jobref").Select(j => j.Element(Uws + "runId")!.Value));
    }

    [Fact]
    public void WriteJob_KeepsCarriageReturns_AsCharacterReferences()
    {
        var bytes = Write(s => UwsXmlWriter.WriteJob(s, MinimalJob() with
        {
            RunId = "r\r\nn",
            Parameters = [new ParameterValue("text", "a\r\nb\rc")],
            Phase = ExecutionPhase.ERROR,
            ErrorSummary = new ErrorSummary(ErrorType.Fatal, "line 1\r\nline 2", false),
        }));

        var document = ValidUws(bytes);

        Assert.Equal("a\r\nb\rc", document.Root!.Element(Uws + "parameters")!.Element(Uws + "parameter")!.Value);
        Assert.Equal("r\r\nn", Text(document, "runId"));
        Assert.Equal("line 1\r\nline 2", document.Root!.Element(Uws + "errorSummary")!.Element(Uws + "message")!.Value);
        Assert.DoesNotContain((byte)'\r', bytes);
    }

    [Fact]
    public void WriteJobList_GivesBackTheVeryText_WhenRunIdsOwnersAndLinksHoldMarkupQuotesAndNewlines()
    {
        JobReference[] jobs =
        [
            new("id1", "https://example.org/uws/a&b/id1?x=\"1\"<", ExecutionPhase.PENDING, "<run> & \"quoted\"\r\n\tnext", "o'neil & <co>\nline", Created),
        ];

        var bytes = Write(s => UwsXmlWriter.WriteJobList(s, jobs));
        var document = ValidUws(bytes);

        var jobref = document.Root!.Element(Uws + "jobref")!;
        Assert.Equal("https://example.org/uws/a&b/id1?x=\"1\"<", jobref.Attribute(Xlink + "href")?.Value);
        Assert.Equal("<run> & \"quoted\"\r\n\tnext", jobref.Element(Uws + "runId")?.Value);
        Assert.Equal("o'neil & <co>\nline", jobref.Element(Uws + "ownerId")?.Value);
        Assert.DoesNotContain((byte)'\r', bytes);
    }

    [Fact]
    public void JobListWriter_WritesTheSameDocument_WhenGivenItsRowsPageByPage()
    {
        var jobs = Enumerable.Range(0, 250).Select(i => new JobReference(
            $"id{i}", $"https://example.org/jobs/id{i}", ExecutionPhase.QUEUED, i % 3 == 0 ? $"run {i}" : null, i % 2 == 0 ? "bob" : null,
            Created.AddMilliseconds(-i))).ToList();

        var whole = Write(s => UwsXmlWriter.WriteJobList(s, jobs));
        var paged = Write(s =>
        {
            using var list = UwsJobListWriter.Xml(s);
            list.Write(jobs.Take(100));
            list.Write([]);
            list.Write(jobs.Skip(100));
        });

        Assert.Equal(whole, paged);
        Assert.Equal(250, ValidUws(paged).Root!.Elements(Uws + "jobref").Count());
    }

    [Fact]
    public void WriteJobList_WritesAValidEmptyList_WhenThereAreNoJobs()
    {
        var document = ValidUws(Write(s => UwsXmlWriter.WriteJobList(s, [])));

        Assert.Equal(Uws + "jobs", document.Root!.Name);
        Assert.Empty(document.Root.Elements());
    }

    [Fact]
    public void WriteJobList_WritesEachJobReference_WhenJobsHaveRunIdsAndOwners()
    {
        JobReference[] jobs =
        [
            new("id1", "https://example.org/jobs/id1", ExecutionPhase.EXECUTING, "run-1", "alice", Created),
            new("id2", "https://example.org/jobs/id2", ExecutionPhase.PENDING, null, null, Created.AddSeconds(1)),
        ];

        var document = ValidUws(Write(s => UwsXmlWriter.WriteJobList(s, jobs)));

        var refs = document.Root!.Elements(Uws + "jobref").ToList();
        Assert.Equal(2, refs.Count);
        Assert.Equal(("id1", "https://example.org/jobs/id1", "EXECUTING", "run-1", "alice"),
            (refs[0].Attribute("id")?.Value, refs[0].Attribute(Xlink + "href")?.Value, refs[0].Element(Uws + "phase")?.Value,
             refs[0].Element(Uws + "runId")?.Value, refs[0].Element(Uws + "ownerId")?.Value));
        Assert.Null(refs[1].Element(Uws + "runId"));
        Assert.Equal("true", refs[1].Element(Uws + "ownerId")?.Attribute(Xsi + "nil")?.Value);
        Assert.Equal("2030-01-02T03:04:06.006Z", refs[1].Element(Uws + "creationTime")?.Value);
    }

    [Fact]
    public void WriteResults_WritesAValidResultsDocument_WhenWrittenOnItsOwn()
    {
        var document = ValidUws(Write(s => UwsXmlWriter.WriteResults(s, FullJob().Results)));

        Assert.Equal(Uws + "results", document.Root!.Name);
        Assert.Equal(["vis2", "stdout"], document.Root.Elements(Uws + "result").Select(r => r.Attribute("id")?.Value));
        Assert.Null(document.Root.Elements().Last().Attribute("size"));
    }

    [Fact]
    public void WriteParameters_WritesAValidParametersDocument_WhenWrittenOnItsOwn()
    {
        var document = ValidUws(Write(s => UwsXmlWriter.WriteParameters(s, FullJob().Parameters)));

        Assert.Equal(Uws + "parameters", document.Root!.Name);
        Assert.Equal(["1.5", "https://example.org/jobs/x/parameters/catalog"], document.Root.Elements(Uws + "parameter").Select(p => p.Value));
    }

    [Fact]
    public void ValidateUws_ReportsTheProblem_WhenADocumentBreaksTheSchema()
    {
        var document = XDocument.Parse(
            $"""<uws:job xmlns:uws="{UwsXmlWriter.UwsNamespace}"><uws:jobId>x</uws:jobId><uws:phase>RUNNING</uws:phase></uws:job>""");

        Assert.NotEmpty(SchemaFiles.ValidateUws(document));
    }

    [Fact]
    public void ValidateUws_ReportsTheProblem_WhenTheDocumentIsNotUwsOrNotWellFormed()
    {
        Assert.NotEmpty(SchemaFiles.ValidateUws(new MemoryStream("<job xmlns=\"urn:other\"><phase>DONE</phase></job>"u8.ToArray())));
        Assert.NotEmpty(SchemaFiles.ValidateUws(new MemoryStream("<uws:jobs xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\">"u8.ToArray())));
    }
}
