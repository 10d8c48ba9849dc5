// SPDX-License-Identifier: MIT
using System.Text;
using Xunit;
using static Meridian.Protocol.Tests.Documents;

namespace Meridian.Protocol.Tests;

public sealed class UwsXmlReaderTests
{
    private static string Xml(Action<Stream> write) => Encoding.UTF8.GetString(Write(write));

    [Fact]
    public void ReadJob_GivesBackEveryFieldTheWriterWrote()
    {
        var job = FullJob() with { ErrorSummary = new ErrorSummary(ErrorType.Fatal, "line 3: <bad> & worse", HasDetail: true) };

        var read = UwsXmlReader.ReadJob(Xml(s => UwsXmlWriter.WriteJob(s, job)));

        Assert.Equal(job with { Parameters = [], Results = [] }, read with { Parameters = [], Results = [] });
        Assert.Equal(job.Parameters, read.Parameters);
        Assert.Equal(job.Results, read.Results);
    }

    [Fact]
    public void ReadJob_OfAnAnonymousPendingJob_HasNullsWhereTheWriterWroteNil()
    {
        var read = UwsXmlReader.ReadJob(Xml(s => UwsXmlWriter.WriteJob(s, MinimalJob())));

        Assert.Equal(MinimalJob(), read with { Parameters = MinimalJob().Parameters, Results = MinimalJob().Results });
        Assert.Null(read.OwnerId);
        Assert.Null(read.Quote);
        Assert.Empty(read.Results);
    }

    [Fact]
    public void ReadJobList_GivesBackEachReference()
    {
        JobReference[] jobs =
        [
            new("a1", "https://example.org/uws/s/a1", ExecutionPhase.EXECUTING, "night-3", "alice", Created),
            new("b2", "https://example.org/uws/s/b2", ExecutionPhase.ARCHIVED, null, null, Created.AddSeconds(-1)),
        ];

        Assert.Equal(jobs, UwsXmlReader.ReadJobList(Xml(s => UwsXmlWriter.WriteJobList(s, jobs))));
    }

    [Fact]
    public void ReadResults_ReadsAResultsDocument()
    {
        ResultReference[] results = [new("outputfile", "http://h/OImaging-uws/x/results/outputfile", 2880, "application/fits")];

        Assert.Equal(results, UwsXmlReader.ReadResults(Xml(s => UwsXmlWriter.WriteResults(s, results))));
    }

    [Fact]
    public void ReadJob_AcceptsAUws10Job_WithoutCreationTime_AndAPhaseItDoesNotKnow()
    {
        const string vollt = """
            <?xml version="1.0" encoding="UTF-8"?>
            <uws:job xmlns:uws="http://www.ivoa.net/xml/UWS/v1.0" xmlns:xlink="http://www.w3.org/1999/xlink">
              <uws:jobId>1470</uws:jobId>
              <uws:phase> SLEEPING </uws:phase>
              <uws:executionDuration>0</uws:executionDuration>
              <uws:parameters><uws:parameter id="software">bsmem-ci</uws:parameter></uws:parameters>
              <uws:results><uws:result id="logfile" xlink:href="http://h/OImaging-uws/oimaging/oimaging/1470/results/logfile"/></uws:results>
            </uws:job>
            """;

        var job = UwsXmlReader.ReadJob(vollt);

        Assert.Equal("1470", job.JobId);
        Assert.Equal(ExecutionPhase.UNKNOWN, job.Phase);
        Assert.Equal(default, job.CreationTime);
        Assert.Equal([new ParameterValue("software", "bsmem-ci")], job.Parameters);
        Assert.Equal([new ResultReference("logfile", "http://h/OImaging-uws/oimaging/oimaging/1470/results/logfile", null, null)], job.Results);
    }

    [Theory]
    [InlineData("<html><body>Sign in</body></html>", "expected a UWS job document")]
    [InlineData("<uws:jobs xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\"/>", "found {http://www.ivoa.net/xml/UWS/v1.0}jobs")]
    [InlineData("{\"phase\": \"COMPLETED\"}", "not an XML document")]
    [InlineData("<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\"><uws:phase>PENDING</uws:phase></uws:job>", "has no jobId")]
    public void ReadJob_SaysWhatItFound_WhenTheAnswerIsNotAUwsJob(string text, string reason)
    {
        var problem = Assert.Throws<FormatException>(() => UwsXmlReader.ReadJob(text));

        Assert.Contains(reason, problem.Message);
    }
}
