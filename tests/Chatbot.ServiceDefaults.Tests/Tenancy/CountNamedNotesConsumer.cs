using Chatbot.Contracts;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.ServiceDefaults.Tests.Tenancy;

public sealed class CountNamedNotesConsumer(NotesDbContext db, NoteCounts sink) : IConsumer<CountNamedNotes>
{
    public Task Consume(ConsumeContext<CountNamedNotes> context) =>
        sink.RecordAsync(db, context.Message.Probe, nameof(CountNamedNotes), context.CancellationToken);
}
