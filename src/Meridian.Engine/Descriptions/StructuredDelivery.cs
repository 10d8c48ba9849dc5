// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>
/// How a record or a table reaches the program (the parameter's as:). Json and Csv write the value into a file
/// in the job's inputs folder, and {name} in the command is that file's path; Arguments writes no file, and
/// the command takes the value apart with {name.field} placeholders. Every delivery allows {name.field}.
/// </summary>
public enum StructuredDelivery
{
    Json,
    Csv,
    Arguments,
}
