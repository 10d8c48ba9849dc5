// SPDX-License-Identifier: MIT
using Meridian.Protocol;

namespace Meridian.Engine.Storage;

/// <summary>The number of jobs of one service in one phase.</summary>
public sealed record PhaseCount(string Service, ExecutionPhase Phase, long Count);
