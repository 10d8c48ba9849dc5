// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>The types a service parameter may declare. List holds several values of one scalar type.</summary>
public enum ParameterType
{
    String,
    Integer,
    Real,
    Boolean,
    Enum,
    File,
    List,
}
