// SPDX-License-Identifier: MIT
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// One executor's block of a service definition, as its reader sees it: its values by key, and a way to report a
/// problem on a key's line, in the same words and form as every other problem of the definition.
/// </summary>
public sealed class ExecutorSection
{
    private readonly ServiceDefinitionReader _reader;
    private readonly YamlNode _node;

    internal ExecutorSection(ServiceDefinitionReader reader, YamlNode node, string key)
    {
        _reader = reader;
        _node = node;
        Key = key;
    }

    /// <summary>The block's key (the executor's name).</summary>
    public string Key { get; }

    /// <summary>Whether the block is a mapping of keys to values, the only form it may take.</summary>
    public bool IsMapping => _node is YamlMappingNode;

    /// <summary>Reports every key of the block that is not one of <paramref name="allowed"/>.</summary>
    public void CheckKeys(params string[] allowed) => _reader.CheckKeys(Mapping, allowed, Key);

    public string? Scalar(string key) => _reader.OptionalScalar(Mapping, key);

    public double? Number(string key) => _reader.Number(Mapping, key, applies: true);

    public IReadOnlyList<string>? StringList(string key) => _reader.StringList(Mapping, key);

    /// <summary>A problem on the line of <paramref name="key"/>, or of the block itself when the key is null or absent.</summary>
    public void Problem(string? key, string reason) =>
        _reader.Problem(key is null || _node is not YamlMappingNode mapping ? _node : ServiceDefinitionReader.Child(mapping, key) ?? _node, reason);

    private YamlMappingNode Mapping => _node as YamlMappingNode ?? new YamlMappingNode();
}
