using Chatbot.Contracts;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.ServiceDefaults.Tests.Tenancy;

public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Note>(e =>
    {
        e.ToTable("notes");
        e.Property(n => n.Id).HasColumnName("id");
        e.Property(n => n.TenantId).HasColumnName("tenant_id");
    });
}
