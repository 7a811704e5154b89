using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chatbot.Moderation.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host.</summary>
public sealed class ModerationDesignTimeDbContextFactory : IDesignTimeDbContextFactory<ModerationDbContext>
{
    public ModerationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ModerationDbContext>().UseNpgsql("Host=localhost;Database=moderationdb").Options);
}
