// SPDX-License-Identifier: MIT
namespace Meridian.Server.Operations;

/// <summary>
/// The tags of one measurement, as they came, compared by value: the key under which a measurement finds its
/// series again without spelling its Prometheus labels (sorted, sanitised, escaped) each time, which every
/// request would otherwise pay for several times over.
/// </summary>
internal sealed class MeasurementTags : IEquatable<MeasurementTags>
{
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly int _hash;

    public MeasurementTags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _tags = tags.ToArray();
        var hash = new HashCode();
        foreach (var (key, value) in _tags)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }

        _hash = hash.ToHashCode();
    }

    public IEnumerable<KeyValuePair<string, object?>> Tags => _tags;

    public bool Equals(MeasurementTags? other)
    {
        if (other is null || other._hash != _hash || other._tags.Length != _tags.Length)
        {
            return false;
        }

        for (var i = 0; i < _tags.Length; i++)
        {
            if (!string.Equals(_tags[i].Key, other._tags[i].Key, StringComparison.Ordinal) || !Equals(_tags[i].Value, other._tags[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as MeasurementTags);

    public override int GetHashCode() => _hash;
}
