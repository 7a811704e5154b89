var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBillingServices();

var app = builder.Build();
app.MapDefaultEndpoints();

await app.RunServiceAsync(args);
