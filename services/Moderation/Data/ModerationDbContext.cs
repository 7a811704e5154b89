using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.Data;

public sealed class ModerationDbContext(DbContextOptions<ModerationDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModerationDbContext).Assembly);
}
