// SPDX-License-Identifier: MIT
using Meridian.Engine.Storage;
using NpgsqlTypes;

namespace Meridian.Storage.Postgres;

public sealed partial class PostgresJobStore
{
    // Two spellings rather than IS NOT DISTINCT FROM, so that jobs_by_owner serves both.
    public async Task<OwnerUsage> UsageAsync(string? ownerId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"SELECT COUNT(*) FILTER (WHERE phase IN {OwnerUsage.ActivePhasesSql}), COUNT(*), COALESCE(SUM(upload_bytes + result_bytes), 0)::bigint " +
            "FROM jobs WHERE " + (ownerId is null ? "owner_id IS NULL" : "owner_id = @owner"),
            p =>
            {
                if (ownerId is not null)
                {
                    Add(p, "owner", NpgsqlDbType.Text, ownerId);
                }
            },
            reader => new OwnerUsage((int)reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetInt64(2)),
            cancellationToken)).Single();
}
