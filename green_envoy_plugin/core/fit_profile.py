"""The part of the FIT protocol and profile that the track import reads: base types, message and field numbers,
and the names of sports, file types and manufacturers.

Written from the public protocol description (file header, definition and data messages, base types) and from
what the files themselves hold; no code or table of Garmin's SDK is copied here. Imports nothing of the package.
"""

from __future__ import annotations

from typing import NamedTuple

FIT_EPOCH = 631065600  # 1989-12-31T00:00:00Z in Unix seconds: FIT times count from there
SYSTEM_TIME_LIMIT = 0x10000000  # a date_time below this is seconds since the device was switched on
SEMICIRCLE_DEG = 180.0 / 2**31  # degrees per semicircle


class BaseType(NamedTuple):
    name: str
    code: str  # numpy type code without byte order ("" for strings)
    size: int
    invalid: int  # the raw pattern that means "no value", as an unsigned integer of `size` bytes


# By the low five bits of the base type byte (the top bit only says whether byte order matters).
BASE_TYPES: dict[int, BaseType] = {
    0x00: BaseType("enum", "u1", 1, 0xFF),
    0x01: BaseType("sint8", "i1", 1, 0x7F),
    0x02: BaseType("uint8", "u1", 1, 0xFF),
    0x03: BaseType("sint16", "i2", 2, 0x7FFF),
    0x04: BaseType("uint16", "u2", 2, 0xFFFF),
    0x05: BaseType("sint32", "i4", 4, 0x7FFFFFFF),
    0x06: BaseType("uint32", "u4", 4, 0xFFFFFFFF),
    0x07: BaseType("string", "", 1, 0x00),
    0x08: BaseType("float32", "f4", 4, 0xFFFFFFFF),
    0x09: BaseType("float64", "f8", 8, 0xFFFFFFFFFFFFFFFF),
    0x0A: BaseType("uint8z", "u1", 1, 0x00),
    0x0B: BaseType("uint16z", "u2", 2, 0x0000),
    0x0C: BaseType("uint32z", "u4", 4, 0x00000000),
    0x0D: BaseType("byte", "u1", 1, 0xFF),
    0x0E: BaseType("sint64", "i8", 8, 0x7FFFFFFFFFFFFFFF),
    0x0F: BaseType("uint64", "u8", 8, 0xFFFFFFFFFFFFFFFF),
    0x10: BaseType("uint64z", "u8", 8, 0x0000000000000000),
}
# The base type byte as it is written (0x83 for sint16 ...): the low five bits, plus 0x80 when wider than a byte.
BASE_TYPE_BYTE = {number: number | (0x80 if t.size > 1 else 0) for number, t in BASE_TYPES.items()}

# Global message numbers.
MESG_FILE_ID = 0
MESG_SESSION = 18
MESG_LAP = 19
MESG_RECORD = 20
MESG_EVENT = 21
MESG_COURSE_POINT = 32  # a course's turns, summits, water ...: waypoints
MESG_DEVICE_INFO = 23
MESG_ACTIVITY = 34
MESG_TIMESTAMP_CORRELATION = 162  # UTC time (253) beside the device's system time (1): converts the latter
MESG_DEVELOPER_DATA_ID = 207
MESG_FIELD_DESCRIPTION = 206

FIELD_TIMESTAMP = 253
FIELD_SYSTEM_TIMESTAMP = 1  # of timestamp_correlation


class Field(NamedTuple):
    number: int
    scale: float = 1.0
    offset: float = 0.0


# record (20): what a fix holds.
RECORD = {
    "lat": Field(0),  # semicircles
    "lon": Field(1),
    "altitude": Field(2, 5.0, 500.0),  # m
    "heart_rate": Field(3),  # bpm
    "cadence": Field(4),  # rpm
    "distance": Field(5, 100.0),  # m
    "speed": Field(6, 1000.0),  # m/s
    "power": Field(7),  # W
    "temperature": Field(13),  # degrees C (sint8)
    "enhanced_speed": Field(73, 1000.0),
    "enhanced_altitude": Field(78, 5.0, 500.0),
}
# lap (19) and session (18): the summaries.
LAP = {
    "start_time": Field(2),
    "start_lat": Field(3),
    "start_lon": Field(4),
    "end_lat": Field(5),
    "end_lon": Field(6),
    "elapsed_s": Field(7, 1000.0),
    "timer_s": Field(8, 1000.0),
    "distance_m": Field(9, 100.0),
    "sport": Field(25),
    "sub_sport": Field(39),
}
SESSION = {
    "start_time": Field(2),
    "start_lat": Field(3),
    "start_lon": Field(4),
    "sport": Field(5),
    "sub_sport": Field(6),
    "elapsed_s": Field(7, 1000.0),
    "timer_s": Field(8, 1000.0),
    "distance_m": Field(9, 100.0),
}
# course_point (32): its time is field 1, not 253 (a course's points are usually untimed).
COURSE_POINT = {
    "time": Field(1),
    "lat": Field(2),  # semicircles
    "lon": Field(3),
    "distance_m": Field(4, 100.0),  # along the course
    "type": Field(5),
    "name": Field(6),
}
# file_id (0).
FILE_ID = {
    "type": Field(0),
    "manufacturer": Field(1),
    "product": Field(2),
    "serial_number": Field(3),
    "time_created": Field(4),
    "number": Field(5),
    "product_name": Field(8),
}

FILE_TYPES = {1: "device", 2: "settings", 3: "sport", 4: "activity", 5: "workout", 6: "course", 7: "schedules",
              8: "locations", 9: "weight", 10: "totals", 11: "goals", 14: "blood_pressure", 15: "monitoring_a",
              20: "activity_summary", 28: "monitoring_daily", 32: "monitoring_b", 34: "segment",
              35: "segment_list", 40: "exd_configuration"}
FILE_TYPE_COURSE = 6

COURSE_POINT_TYPES = {0: "generic", 1: "summit", 2: "valley", 3: "water", 4: "food", 5: "danger", 6: "left",
                      7: "right", 8: "straight", 9: "first_aid", 10: "fourth_category", 11: "third_category",
                      12: "second_category", 13: "first_category", 14: "hors_category", 15: "sprint",
                      16: "left_fork", 17: "right_fork", 18: "middle_fork", 19: "slight_left", 20: "sharp_left",
                      21: "slight_right", 22: "sharp_right", 23: "u_turn", 24: "segment_start", 25: "segment_end",
                      27: "campsite", 28: "aid_station", 29: "rest_area", 30: "general_distance", 31: "service",
                      32: "energy_gel", 33: "sports_drink", 34: "mile_marker", 35: "checkpoint", 36: "shelter",
                      37: "meeting_spot", 38: "overlook", 39: "toilet", 40: "shower", 41: "gear",
                      42: "sharp_curve", 43: "steep_incline", 44: "tunnel", 45: "bridge", 46: "obstacle",
                      47: "crossing", 48: "store", 49: "transition", 50: "navaid", 51: "transport", 52: "alert",
                      53: "info"}

SPORTS = {0: "generic", 1: "running", 2: "cycling", 3: "transition", 4: "fitness_equipment", 5: "swimming",
          6: "basketball", 7: "soccer", 8: "tennis", 9: "american_football", 10: "training", 11: "walking",
          12: "cross_country_skiing", 13: "alpine_skiing", 14: "snowboarding", 15: "rowing", 16: "mountaineering",
          17: "hiking", 18: "multisport", 19: "paddling", 20: "flying", 21: "e_biking", 22: "motorcycling",
          23: "boating", 24: "driving", 25: "golf", 26: "hang_gliding", 27: "horseback_riding", 28: "hunting",
          29: "fishing", 30: "inline_skating", 31: "rock_climbing", 32: "sailing", 33: "ice_skating",
          34: "sky_diving", 35: "snowshoeing", 36: "snowmobiling", 37: "stand_up_paddleboarding", 38: "surfing",
          39: "wakeboarding", 40: "water_skiing", 41: "kayaking", 42: "rafting", 43: "windsurfing",
          44: "kitesurfing", 45: "tactical", 46: "jumpmaster", 47: "boxing", 48: "floor_climbing", 53: "diving",
          254: "all"}
SUB_SPORTS = {0: "generic", 1: "treadmill", 2: "street", 3: "trail", 4: "track", 5: "spin", 6: "indoor_cycling",
              7: "road", 8: "mountain", 9: "downhill", 10: "recumbent", 11: "cyclocross", 12: "hand_cycling",
              13: "track_cycling", 14: "indoor_rowing", 15: "elliptical", 16: "stair_climbing", 17: "lap_swimming",
              18: "open_water", 28: "e_bike_fitness", 46: "gravel_cycling", 48: "e_bike_mountain",
              58: "virtual_activity"}

# The manufacturers whose devices and apps write the rides this plugin meets (the field is a plain number).
MANUFACTURERS = {1: "garmin", 2: "garmin_fr405_antfs", 6: "srm", 7: "quarq", 9: "saris", 13: "dynastream_oem",
                 15: "dynastream", 23: "suunto", 32: "wahoo_fitness", 38: "osynce", 40: "concept2", 41: "shimano",
                 45: "xplova", 48: "pioneer", 63: "specialized", 69: "stages_cycling", 70: "sigmasport",
                 71: "tomtom", 73: "wattbike", 76: "moxy", 86: "elite", 89: "tacx", 95: "stryd", 107: "magene",
                 115: "igpsport", 123: "polar_electro", 255: "development", 258: "lezyne", 260: "zwift",
                 263: "favero_electronics", 265: "strava", 267: "bryton", 268: "sram", 289: "hammerhead",
                 294: "coros", 307: "onelap", 310: "decathlon"}
