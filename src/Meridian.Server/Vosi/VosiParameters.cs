// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Protocol.Vosi;

namespace Meridian.Server.Vosi;

/// <summary>A service's declared parameters as VODataService input parameters, typed with VOTable's data type names.</summary>
public static class VosiParameters
{
    public static InputParam For(ParameterDefinition parameter)
    {
        var (dataType, arraySize) = parameter.ScalarType switch
        {
            ParameterType.Integer => ("long", (string?)null),
            ParameterType.Real => ("double", null),
            ParameterType.Boolean => ("boolean", null),
            _ => ("char", "*"),
        };
        if (parameter.Type == ParameterType.List)
        {
            arraySize = arraySize is null ? "*" : "*x*";
        }

        var description = parameter.Type == ParameterType.File
            ? $"{parameter.Description ?? parameter.Title ?? parameter.Name} (an uploaded file, multipart/form-data)"
            : parameter.Description ?? parameter.Title;
        return new InputParam(parameter.Name, description, parameter.Unit, dataType, arraySize, parameter.Required);
    }
}
