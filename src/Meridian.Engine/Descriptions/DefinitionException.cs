// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>One or more broken service definitions, each problem as "file:line: reason".</summary>
public sealed class DefinitionException(IReadOnlyList<string> problems)
    : Exception("Invalid service definitions:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
