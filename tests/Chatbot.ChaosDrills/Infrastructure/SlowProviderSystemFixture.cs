namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>
/// The drill system with small workers: 4 provider slots and a waiting room of 8 turns each, so two workers run 8 turns
/// at once (about 3.6 turns/s at the doubled latency) and hold 24, and the rest of a backlog stays in the
/// <c>generate-reply</c> queue, whatever the speed of the machine that sends the turns.
/// </summary>
public sealed class SlowProviderSystemFixture() : DrillSystemFixture(workerSlots: Slots, waitingRoom: WaitingRoom)
{
    public const int Slots = 4;
    public const int WaitingRoom = 8;
}
