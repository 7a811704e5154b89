using Chatbot.Contracts.Operations;

namespace Chatbot.Chat.Operations;

/// <summary>What <c>GET /api/admin/readiness</c> shows: each live worker's provider chain and the newest recorded backup (null: none).</summary>
public sealed record ReadinessDto(IReadOnlyList<ProviderChainReport> InferenceWorkers, BackupRecord? LastBackup);
