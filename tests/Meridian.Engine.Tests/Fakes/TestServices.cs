// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;

namespace Meridian.Engine.Tests.Fakes;

/// <summary>Service definitions built in code, for tests that are not about reading YAML.</summary>
public static class TestServices
{
    /// <summary>A command from elements: a string is one element; Group(...) makes a group.</summary>
    public static CommandTemplate Command(params object[] elements) =>
        CommandTemplate.TryParse(Sources(elements), out var error) ?? throw new ArgumentException(error, nameof(elements));

    public static CommandElementSource Group(params string[] arguments) => new(true, arguments);

    public static List<CommandElementSource> Sources(params object[] elements) =>
        elements.Select(e => e as CommandElementSource ?? new CommandElementSource(false, [(string)e])).ToList();

    public static ServiceDefinition Define(
        string name, IReadOnlyList<ParameterDefinition>? parameters = null, CommandTemplate? command = null,
        ServiceLimits? limits = null, IReadOnlyList<ResultDefinition>? results = null) =>
        new()
        {
            Name = name,
            Title = name,
            Command = command ?? Command(name),
            Parameters = parameters ?? [],
            Results = results ?? [],
            Limits = limits ?? new ServiceLimits(),
            Executor = FakeJobExecutor.ExecutorName,
            ServiceDirectory = "/srv/" + name,
            SourcePath = $"/srv/{name}.yaml",
        };

    /// <summary>
    /// A service run by the fake executor: "mode" says what the job does (succeed, fail, hang, unstartable);
    /// an optional "catalog" upload; execution duration at most an hour, destruction at most 30 days.
    /// </summary>
    public static ServiceDefinition Fake(string name = "tool", int? concurrent = null) => Define(
        name,
        [
            new ParameterDefinition { Name = "mode", Type = ParameterType.Enum, Values = ["succeed", "fail", "hang", "unstartable"], Default = ["succeed"] },
            new ParameterDefinition { Name = "catalog", Type = ParameterType.File, MaxSize = 1024 },
        ],
        Command(name, "{mode}"),
        new ServiceLimits
        {
            DefaultExecutionDuration = 600, MaxExecutionDuration = 3600,
            DefaultDestruction = TimeSpan.FromDays(7), MaxDestruction = TimeSpan.FromDays(30), Concurrent = concurrent,
        },
        [new ResultDefinition("out", "out.txt", null, "text/plain", null)]);
}
