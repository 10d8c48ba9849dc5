// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>
/// The types a service parameter may declare. List holds several values of one scalar type; Record holds named,
/// typed fields and Table rows of typed columns (the structured arguments of line-modelling codes), each sent by
/// a client as one JSON value.
/// </summary>
public enum ParameterType
{
    String,
    Integer,
    Real,
    Boolean,
    Enum,
    File,
    List,
    Record,
    Table,
}
