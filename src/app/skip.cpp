// Work that is not redone: a day is left as it is when the folder's record says
// its files were made from the same inputs and the files are still those.
#include <algorithm>

#include "app/app.h"
#include "app/fingerprint.h"

namespace broadsheet {
namespace fs = std::filesystem;

namespace {

bool unchanged(const BuildRecord& previous, const std::string& day, const std::string& inputs, const fs::path& dir) {
  const RecordedDay* recorded = previous.find(day);
  return recorded && recorded->inputs == inputs && outputs_match(*recorded, dir);
}

RecordedDay recorded_day(const RenderedEdition& edition, const std::string& inputs) {
  RecordedDay day{edition.day, inputs, {}};
  for (const OutputFile& file : edition.files) {
    day.files.push_back({file.path.filename().string(), file.bytes, file.sha256});
  }
  return day;
}

}  // namespace

SkipPlan skip_unchanged(Input& input, const Variant& variant, const Style& style, const fs::path& out_dir,
                        bool force) {
  SkipPlan plan;
  plan.previous = read_build_record(out_dir);  // with force too: other days' entries stay
  std::vector<Edition> to_build;
  for (Edition& edition : input.editions) {
    const std::string day = iso_date(edition.day);
    const std::string& inputs = plan.inputs[day] = day_inputs_hash(edition, style, variant);
    if (!force && unchanged(plan.previous, day, inputs, out_dir)) {
      plan.unchanged.push_back(day);
    } else {
      to_build.push_back(std::move(edition));
    }
  }
  input.editions = std::move(to_build);
  return plan;
}

BuildRecord updated_record(const SkipPlan& plan, const Rendered& rendered) {
  BuildRecord record = plan.previous;
  for (const RenderedEdition& edition : rendered.editions) {
    auto inputs = plan.inputs.find(edition.day);
    if (inputs != plan.inputs.end()) record_day(record, recorded_day(edition, inputs->second));
  }
  return record;
}

}  // namespace broadsheet
