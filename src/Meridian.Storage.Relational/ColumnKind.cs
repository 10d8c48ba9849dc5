// SPDX-License-Identifier: MIT
namespace Meridian.Storage.Relational;

/// <summary>
/// What a statement's argument holds. Each dialect turns a kind into its database's type: an instant is a
/// tick count in SQLite and a timestamptz in PostgreSQL, JSON is text in one and json in the other.
/// </summary>
public enum ColumnKind
{
    Text,
    Integer,
    BigInteger,
    Boolean,
    Instant,
    Json,
}
