using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.TestSupport;

/// <summary>
/// Services start their bus in the background (ServiceDefaults: <c>WaitUntilStarted = false</c>, so an unreachable
/// broker does not block start-up). An in-process test host must not: a host disposed while its bus was still
/// connecting left that bus running once connected ("Failed to stop bus ... Not Started"), and its consumers, on a
/// disposed service provider, took and faulted other tests' messages; a test's first publish could also be dropped.
/// </summary>
public static class BusStartup
{
    public static IServiceCollection WaitForBusOnStart(this IServiceCollection services) =>
        services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
}
