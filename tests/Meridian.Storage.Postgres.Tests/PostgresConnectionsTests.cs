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
    public void WithDefaults_SizesThePoolBelowPostgresDefaultConnectionLimit_WhenTheConnectionStringSetsNone()
    {
        var settings = PostgresConnections.WithDefaults("Host=db;Database=meridian");

        // PostgreSQL allows 100 connections by default, some kept for superusers and other clients: requests
        // beyond the pool wait for a connection (up to Timeout) instead of failing with "too many clients".
        Assert.Equal(20, settings.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Database=meridian", true)]
    [InlineData("Host=db;No Reset On Close=false", false)]
    public void WithDefaults_LeavesPooledSessionsUnreset_UnlessTheConnectionStringAsks(string connectionString, bool expected)
    {
        Assert.Equal(expected, PostgresConnections.WithDefaults(connectionString).NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=200", 200)]
    [InlineData("Host=db;MaxPoolSize=7", 7)]
    public void WithDefaults_KeepsThePoolSize_WhenTheConnectionStringSetsOne(string connectionString, int expected)
    {
        Assert.Equal(expected, PostgresConnections.WithDefaults(connectionString).MaxPoolSize);
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
