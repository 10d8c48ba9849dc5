// SPDX-License-Identifier: MIT
using Meridian.Server.Auth;
using Meridian.Server.Sharing;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Tests.Sharing;

/// <summary>Nodes behind one address share the signing key: a link one signs, another accepts; with another key, none does.</summary>
public sealed class SignedResultUrlKeyTests
{
    private static SignedResultUrls Node(string? key) =>
        new(Options.Create(new AuthSettings { SignedUrlKey = key }), TimeProvider.System);

    [Fact]
    public void ALink_IsAcceptedByEveryNodeWithTheSameKey_AndByNoOther()
    {
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var signed = Node(key).Sign("echo", "job1", "args", null, "alice");

        Assert.True(Node(key).IsValid("echo", "job1", "args", null, signed.Expires, "alice", signed.Signature), "a node with the same key must accept the link");
        Assert.False(Node(Convert.ToBase64String(new byte[32])).IsValid("echo", "job1", "args", null, signed.Expires, "alice", signed.Signature), "another key must not");
        Assert.False(Node(null).IsValid("echo", "job1", "args", null, signed.Expires, "alice", signed.Signature), "a node that drew its own key must not");
        Assert.False(Node(key).IsValid("echo", "job1", "args", null, signed.Expires, "bob", signed.Signature), "the link is the owner's only");
    }
}
