using Chikaya.Domain.Citizens;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Features.Citizens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chikaya.Web.Data.Configurations;

public sealed class CitizenConfiguration : IEntityTypeConfiguration<Citizen>
{
    public void Configure(EntityTypeBuilder<Citizen> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(NewComplaint.MaxNameLength);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.Cin).HasMaxLength(Citizen.MaxCinLength);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => c.Phone);
        builder.HasIndex(c => c.Cin);
        builder.HasIndex(c => c.UserId);
    }
}

public sealed class CitizenMergeConfiguration : IEntityTypeConfiguration<CitizenMerge>
{
    public void Configure(EntityTypeBuilder<CitizenMerge> builder)
    {
        builder.Property(m => m.MergedByUserId).HasMaxLength(450);
        builder.Property(m => m.MergedByName).HasMaxLength(200);
        builder.Property(m => m.UndoneByName).HasMaxLength(200);
        builder.HasIndex(m => m.KeptCitizenId);
    }
}
