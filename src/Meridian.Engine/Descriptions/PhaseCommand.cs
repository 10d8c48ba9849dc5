// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>What a client may ask of a job's phase (UWS 1.1 §2.2.3.1): PHASE=RUN or PHASE=ABORT.</summary>
public enum PhaseCommand
{
    Run,
    Abort,
}
