// SPDX-License-Identifier: MIT
namespace Meridian.Storage.Postgres.Tests;

public sealed class PostgresConnectionsTests
{
    [Fact]
    public void WithDefaults_SetsShortTimeoutsAndAName_WhenTheConnectionStringSetsNone()
    {
        var settings = PostgresConnections.WithDefaults("Host=db;Database=meridian");

        Assert.Equal(5, settings.Timeout);
        Assert.Equal(15, settings.CommandTimeout);
        Assert.Equal("meridian", settings.ApplicationName);
    }

    [Fact]
    public void WithDefaults_KeepsWhatTheConnectionStringSets_WhenItSetsTimeouts()
    {
        var settings = PostgresConnections.WithDefaults("Host=db;Timeout=30;CommandTimeout=0;Application Name=node-7");

        Assert.Equal(30, settings.Timeout);
        Assert.Equal(0, settings.CommandTimeout);
        Assert.Equal("node-7", settings.ApplicationName);
    }

    [Fact]
    public void ForListening_NeverPoolsAndKeepsTcpAlive_WhateverTheStoreUses()
    {
        var settings = PostgresConnections.ForListening(PostgresConnections.WithDefaults("Host=db;Pooling=true;Password=secret"));

        Assert.False(settings.Pooling);
        Assert.True(settings.TcpKeepAlive);
        Assert.Equal("secret", settings.Password);
    }
}
