namespace Chatbot.Chat.Operations;

/// <summary>The newest backup <c>scripts/backup.sh</c> finished and recorded (<c>backup_runs</c>): when, and its folder's name.</summary>
public sealed record BackupRecord(DateTimeOffset CompletedAt, string Label);
