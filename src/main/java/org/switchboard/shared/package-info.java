/** Value types shared by every module: validation errors, time windows and zone handling. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.switchboard.shared;
