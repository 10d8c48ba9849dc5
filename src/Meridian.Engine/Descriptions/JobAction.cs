// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>ACTION on a job (UWS 1.1 §2.2.3.1): DELETE is the only one UWS defines.</summary>
public enum JobAction
{
    Delete,
}
