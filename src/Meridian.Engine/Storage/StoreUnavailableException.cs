// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Storage;

/// <summary>
/// The store cannot be reached now (a database server down or restarting). Requests answer 503 and are
/// worth retrying; the engine keeps what it must write and tries again.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
