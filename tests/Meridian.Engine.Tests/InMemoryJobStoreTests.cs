// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Storage;

namespace Meridian.Engine.Tests;

public sealed class InMemoryJobStoreTests : JobStoreCompliance
{
    protected override IJobStore CreateStore() => new InMemoryJobStore();
}
