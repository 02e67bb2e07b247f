"""Files are imported from the command line (`somevakt import FILE --account ID`). No views."""
