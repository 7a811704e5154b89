using Chatbot.AppHost.Monitoring;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Tests.Monitoring;

public sealed class MonitoringOptionTests
{
    [Fact]
    public void Monitoring_is_off_by_default_and_on_with_the_flag()
    {
        Assert.False(AppHostOptionsParser.Parse([]).Monitoring);
        Assert.True(AppHostOptionsParser.Parse(["--monitoring"]).Monitoring);
    }

    [Fact]
    public void Each_service_gets_a_management_port_its_own_port_plus_4000_and_every_monitoring_port_can_be_overridden()
    {
        var model = ChatbotTopology.Create();
        var options = AppHostOptionsParser.Parse(["--monitoring", "--port", "prometheus=19090", "--port", "chat-management=19080"]);

        var targets = MonitoringResources.Allocate(new PortAllocator(useFreePorts: false), model.Projects, options.Ports);

        Assert.Equal(model.Projects.Select(p => p.Name).Order(), targets.ServiceManagementPorts.Keys.Order());
        Assert.Equal(19080, targets.ServiceManagementPorts["chat"]);
        Assert.Equal(5081 + 4000, targets.ServiceManagementPorts["identity"]);
        Assert.Equal(19090, targets.PrometheusPort);
        Assert.Equal(9093, targets.AlertmanagerPort);
        Assert.Equal(15692, targets.RabbitMqPrometheusPort);
        Assert.Contains(MonitoringResources.Ports(targets), p => p.Key == "billing-management" && p.Value == 5084 + 4000);
    }
}
