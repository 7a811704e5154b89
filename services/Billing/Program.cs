var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBillingServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapBillingApi();

await app.RunServiceAsync(args);
