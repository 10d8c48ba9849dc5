// SPDX-License-Identifier: MIT
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class ParameterBinderTests
{
    [Fact]
    public void BindCreation_ParsesJobControl_WhenTheFieldsAreWellFormed()
    {
        var bound = Bind(Visibility,
            ("theta", "1"), ("phase", "RUN"), ("RUNID", "night 3 ✓"), ("EXECUTIONDURATION", "90"), ("DESTRUCTION", "2030-01-31T12:00:00+01:00"));

        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        Assert.Equal("RUN", bound.Control.Phase);
        Assert.Equal("night 3 ✓", bound.Control.RunId);
        Assert.Equal(90, bound.Control.ExecutionDuration);
        Assert.Equal(new DateTimeOffset(2030, 1, 31, 11, 0, 0, TimeSpan.Zero), bound.Control.Destruction);
        Assert.DoesNotContain(bound.Parameters, p => p.Name.Equals("phase", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("PHASE", "run", "PHASE: 'run' is not RUN or ABORT")]
    [InlineData("PHASE", "START", "PHASE: 'START' is not RUN or ABORT")]
    [InlineData("EXECUTIONDURATION", "-5", "EXECUTIONDURATION: '-5' is not a whole number")]
    [InlineData("EXECUTIONDURATION", "1.5", "EXECUTIONDURATION: '1.5' is not a whole number")]
    [InlineData("EXECUTIONDURATION", "ten", "EXECUTIONDURATION: 'ten' is not a whole number")]
    [InlineData("DESTRUCTION", "tomorrow", "DESTRUCTION: 'tomorrow' is not an ISO 8601 instant")]
    [InlineData("DESTRUCTION", "2030-01-31", "DESTRUCTION: '2030-01-31' is not an ISO 8601 instant")]
    [InlineData("RUNID", "bad\u0007bell", "RUNID: at most 256 characters, without control characters")]
    [InlineData("ACTION", "REMOVE", "ACTION: 'REMOVE' is not DELETE")]
    [InlineData("QUOTE", "10", "QUOTE: not accepted here")]
    public void BindCreation_ReportsTheMalformedControlField_WhenItCannotBeParsed(string name, string value, string expected)
    {
        var error = Assert.Single(Bind(Visibility, ("theta", "1"), (name, value)).Errors);

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void BindCreation_RefusesTheRunId_WhenItIsLongerThan256Characters()
    {
        Assert.Single(Bind(Visibility, ("theta", "1"), ("RUNID", new string('r', 257))).Errors);
        Assert.Equal(new string('r', 256), Bind(Visibility, ("theta", "1"), ("RUNID", new string('r', 256))).Control.RunId);
    }
}
