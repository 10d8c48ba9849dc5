// SPDX-License-Identifier: MIT
using Meridian.Engine.Storage;

namespace Meridian.Storage.Sqlite;

public sealed partial class SqliteJobStore
{
    // One pass over the owner's rows through jobs_by_owner; IS matches the anonymous owner (NULL) too.
    public Task<OwnerUsage> UsageAsync(string? ownerId, CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT COALESCE(SUM(phase IN {OwnerUsage.ActivePhasesSql}), 0), COUNT(*), COALESCE(SUM(upload_bytes + result_bytes), 0) " +
                "FROM jobs WHERE owner_id IS $owner";
            command.Parameters.AddWithValue("$owner", Nullable(ownerId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new OwnerUsage(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2));
        }, cancellationToken);
}
